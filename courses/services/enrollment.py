"""Enrollment workflows. Each is one transaction; seat counting happens under a lock on the run.

On PostgreSQL the lock is `SELECT ... FOR UPDATE` on the run's row. On SQLite `select_for_update`
is a no-op, but every transaction starts with `BEGIN IMMEDIATE` (see settings), which takes the
database's write lock at once, so the same code is serialised there as well.
"""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from ..choices import SEAT_HOLDING_STATUSES, EnrollmentStatus
from ..exceptions import (
    AlreadyApplied,
    CourseError,
    EnrollmentClosed,
    InvalidTransition,
    NotEligible,
    ProfileIncomplete,
    RunCancelled,
    RunFull,
)
from ..models import CourseRun, Enrollment, EnrollmentStatusChange, TraineeProfile
from ..rules.admission import (
    REAPPLY_FROM,
    Admission,
    AdmissionFacts,
    Refusal,
    can_transition,
    decide_admission,
    has_seat,
    waitlist_order,
)
from . import notifications

_REFUSALS = {
    Refusal.CANCELLED: RunCancelled,
    Refusal.NOT_SCHEDULED: EnrollmentClosed,
    Refusal.WINDOW_CLOSED: EnrollmentClosed,
    Refusal.INVITATION_ONLY: NotEligible,
}


def lock_run(run: CourseRun) -> CourseRun:
    """Re-read the run under a row lock; call inside `transaction.atomic`."""
    return CourseRun.objects.select_for_update().get(pk=run.pk)


def seats_taken(run: CourseRun) -> int:
    return run.enrollments.filter(status__in=SEAT_HOLDING_STATUSES).count()


def country_seats_taken(run: CourseRun) -> dict[str, int]:
    rows = (
        run.enrollments.filter(status__in=SEAT_HOLDING_STATUSES)
        .values("user__trainee_profile__country")
        .annotate(n=Count("pk"))
    )
    return {row["user__trainee_profile__country"] or "": row["n"] for row in rows}


def _country_of(user) -> str:
    profile = TraineeProfile.objects.filter(user=user).only("country").first()
    return str(profile.country) if profile else ""


def _country_seats_left(run: CourseRun, country: str) -> int | None:
    if run.seats_per_country is None:
        return None
    return max(run.seats_per_country - country_seats_taken(run).get(country, 0), 0)


def record_change(*, enrollment: Enrollment, previous: str, by, reason: str = "") -> None:
    EnrollmentStatusChange.objects.create(
        enrollment=enrollment,
        from_status=previous,
        to_status=enrollment.status,
        by=by,
        reason=reason,
    )


def _set_status(enrollment: Enrollment, status: str, *, by, reason: str = "") -> Enrollment:
    previous = enrollment.status
    enrollment.status = status
    if status == EnrollmentStatus.WAITLISTED:
        enrollment.waitlisted_at = timezone.now()
    enrollment.save(update_fields=["status", "waitlisted_at", "updated_at"])
    record_change(enrollment=enrollment, previous=previous, by=by, reason=reason)
    notifications.notify_status(enrollment, previous=previous, reason=reason)
    return enrollment


def place(*, user, run: CourseRun, by=None, invited: bool = False) -> Enrollment:
    """Give `user` the status the run's policy decides: the one path into a run.

    `invited` is true when a nomination or staff invitation is being accepted.
    """
    with transaction.atomic():
        run = lock_run(run)
        existing = Enrollment.objects.filter(user=user, run=run).first()
        reopening = existing is not None and (
            existing.status in REAPPLY_FROM
            or (invited and existing.status == EnrollmentStatus.INVITED)
        )
        if existing is not None and not reopening:
            raise AlreadyApplied()
        facts = AdmissionFacts(
            policy=run.admission_policy,
            run_status=run.status,
            window_open=run.is_open_for_enrollment(),
            seats_left=max(run.capacity - seats_taken(run), 0),
            country_seats_left=_country_seats_left(run, _country_of(user)),
            invited=invited,
        )
        decision = decide_admission(facts)
        if not decision.admitted:
            raise _REFUSALS[decision.refusal]()
        if existing is None:
            enrollment = Enrollment(user=user, run=run, status="")
            enrollment.status = decision.status
            if decision.status == EnrollmentStatus.WAITLISTED:
                enrollment.waitlisted_at = timezone.now()
            enrollment.save()
            record_change(enrollment=enrollment, previous="", by=by or user)
            notifications.notify_status(enrollment, previous="")
            return enrollment
        return _set_status(existing, decision.status, by=by or user)


def preview_admission(*, user, run: CourseRun) -> Admission:
    """What applying would give `user` right now (read only: no lock, no write)."""
    return decide_admission(
        AdmissionFacts(
            policy=run.admission_policy,
            run_status=run.status,
            window_open=run.is_open_for_enrollment(),
            seats_left=run.seats_left(),
            country_seats_left=_country_seats_left(run, _country_of(user)),
        )
    )


def refusal_error(refusal: Refusal) -> CourseError:
    """The domain error (with its message for the user) for a refusal of the admission rule."""
    return _REFUSALS[refusal]()


def apply(*, user, run: CourseRun) -> Enrollment:
    """A trainee applies to a run by its policy (open, approval, invitation)."""
    profile = TraineeProfile.objects.filter(user=user).first()
    if profile is None or not profile.is_complete:
        raise ProfileIncomplete()
    return place(user=user, run=run)


def change_status(*, enrollment: Enrollment, to: str, by, reason: str = "") -> Enrollment:
    """Move an enrollment to `to` if the rules allow it; frees and refills seats as needed."""
    with transaction.atomic():
        run = lock_run(enrollment.run)
        enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        if not can_transition(enrollment.status, to):
            raise InvalidTransition()
        freed = enrollment.status in SEAT_HOLDING_STATUSES and to not in SEAT_HOLDING_STATUSES
        if to == EnrollmentStatus.ENROLLED and enrollment.status not in SEAT_HOLDING_STATUSES:
            country = _country_of(enrollment.user)
            if not has_seat(run.capacity - seats_taken(run), _country_seats_left(run, country)):
                raise RunFull()
        _set_status(enrollment, to, by=by, reason=reason)
        if freed:
            promote_from_waitlist(run=run, by=by)
        return enrollment


def approve(*, enrollment: Enrollment, by) -> Enrollment:
    return change_status(enrollment=enrollment, to=EnrollmentStatus.ENROLLED, by=by)


def decline(*, enrollment: Enrollment, by, reason: str = "") -> Enrollment:
    return change_status(enrollment=enrollment, to=EnrollmentStatus.DECLINED, by=by, reason=reason)


def waitlist(*, enrollment: Enrollment, by) -> Enrollment:
    return change_status(enrollment=enrollment, to=EnrollmentStatus.WAITLISTED, by=by)


def withdraw(*, enrollment: Enrollment, by, reason: str = "") -> Enrollment:
    return change_status(enrollment=enrollment, to=EnrollmentStatus.WITHDRAWN, by=by, reason=reason)


def promote_from_waitlist(*, run: CourseRun, by=None) -> list[Enrollment]:
    """Give freed seats to the first people on the waiting list (call with the run locked)."""
    with transaction.atomic():
        seats_left = run.capacity - seats_taken(run)
        if seats_left <= 0:
            return []
        queue = list(run.enrollments.waitlist().values_list("pk", "user__trainee_profile__country"))
        quota = None
        if run.seats_per_country is not None:
            taken = country_seats_taken(run)
            quota = {
                str(country or ""): max(run.seats_per_country - taken.get(country or "", 0), 0)
                for _, country in queue
            }
        chosen = waitlist_order(
            [(pk, str(country or "")) for pk, country in queue], seats_left, quota
        )
        promoted = []
        for enrollment in Enrollment.objects.filter(pk__in=chosen).order_by("waitlisted_at", "pk"):
            promoted.append(_set_status(enrollment, EnrollmentStatus.ENROLLED, by=by))
        return promoted


__all__ = [
    "apply",
    "approve",
    "change_status",
    "decline",
    "place",
    "preview_admission",
    "promote_from_waitlist",
    "refusal_error",
    "waitlist",
    "withdraw",
]

"""Enrollment workflows. Each is one transaction; seat counting happens under a lock on the run.

`transition` is the only code that writes an enrollment's status and its history: every
workflow here, and completion (courses.services.completion), moves an enrollment through it, by
the table of legal moves in courses.rules.admission.

On PostgreSQL the lock is `SELECT ... FOR UPDATE` on the run's row. On SQLite `select_for_update`
is a no-op, but every transaction starts with `BEGIN IMMEDIATE` (see settings), which takes the
database's write lock at once, so the same code is serialised there as well.
"""

from django.db import transaction
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
    needs_seat,
    waitlist_order,
)
from ..rules.quotas import country_seats_left
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


def _country_of(user) -> str:
    profile = TraineeProfile.objects.filter(user=user).only("country").first()
    return str(profile.country) if profile else ""


# --- the one writer of an enrollment's status and history ---------------------------------------


def _seat_guard(enrollment: Enrollment) -> None:
    """Entering the run needs a free seat, and one of the trainee's country under a quota."""
    run = enrollment.run
    if not has_seat(run.seats_left(), run.country_seats_left(_country_of(enrollment.user))):
        raise RunFull()


def record_change(*, enrollment: Enrollment, previous: str, by, reason: str = "") -> None:
    """The history row of a move (written by `transition` only)."""
    EnrollmentStatusChange.objects.create(
        enrollment=enrollment,
        from_status=previous,
        to_status=enrollment.status,
        by=by,
        reason=str(reason),
    )


def transition(
    enrollment: Enrollment, to: str, *, by, reason: str = "", admission: bool = False
) -> Enrollment:
    """Move `enrollment` to `to`: the only code that writes an enrollment's status and history.

    The move must be in the table (rules.admission.TRANSITIONS; `admission`: the outcome of an
    application or accepted invitation, which may also start an enrollment) and pass its guard
    (a seat to enter the run, rules.admission.needs_seat). Otherwise a domain error is raised
    and nothing is written. Call inside a transaction, with the run locked when entering it.
    Records who, when and why, and sends the e-mail that goes with the new status.
    """
    previous = enrollment.status
    if not can_transition(previous, to, admission=admission):
        raise InvalidTransition()
    if needs_seat(previous, to):
        _seat_guard(enrollment)
    now = timezone.now()
    enrollment.status = to
    if to == EnrollmentStatus.WAITLISTED:
        enrollment.waitlisted_at = now
    if to == EnrollmentStatus.COMPLETED:
        enrollment.completed_at = now
    elif previous == EnrollmentStatus.COMPLETED:
        enrollment.completed_at = None
    if enrollment.pk is None:
        enrollment.save()
    else:
        enrollment.save(update_fields=["status", "waitlisted_at", "completed_at", "updated_at"])
    record_change(enrollment=enrollment, previous=previous, by=by, reason=reason)
    notifications.notify_status(enrollment, previous=previous, reason=reason)
    return enrollment


# --- workflows ---------------------------------------------------------------------------------


def _admission_facts(run: CourseRun, user, *, invited: bool = False) -> AdmissionFacts:
    return AdmissionFacts(
        policy=run.admission_policy,
        run_status=run.status,
        window_open=run.is_open_for_enrollment(),
        seats_left=run.seats_left(),
        country_seats_left=run.country_seats_left(_country_of(user)),
        invited=invited,
    )


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
        decision = decide_admission(_admission_facts(run, user, invited=invited))
        if not decision.admitted:
            raise _REFUSALS[decision.refusal]()
        enrollment = existing or Enrollment(user=user, run=run, status="")
        enrollment.run = run
        return transition(enrollment, decision.status, by=by or user, admission=True)


def preview_admission(*, user, run: CourseRun) -> Admission:
    """What applying would give `user` right now (read only: no lock, no write)."""
    return decide_admission(_admission_facts(run, user))


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
    """Move an enrollment to `to` if the table allows it; frees and refills seats as needed."""
    with transaction.atomic():
        run = lock_run(enrollment.run)
        enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        enrollment.run = run
        freed = enrollment.status in SEAT_HOLDING_STATUSES and to not in SEAT_HOLDING_STATUSES
        transition(enrollment, to, by=by, reason=reason)
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
        seats_left = run.seats_left()
        if seats_left <= 0:
            return []
        queue = [
            (pk, str(country or ""))
            for pk, country in run.enrollments.waitlist().values_list(
                "pk", "user__trainee_profile__country"
            )
        ]
        quota = None
        if run.seats_per_country is not None:
            taken = run.country_seats_taken()
            quota = {
                country: country_seats_left(quota=run.seats_per_country, used=taken.get(country, 0))
                for _, country in queue
            }
        chosen = waitlist_order(queue, seats_left, quota)
        promoted = []
        for enrollment in Enrollment.objects.filter(pk__in=chosen).order_by("waitlisted_at", "pk"):
            enrollment.run = run
            promoted.append(transition(enrollment, EnrollmentStatus.ENROLLED, by=by))
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
    "transition",
    "waitlist",
    "withdraw",
]

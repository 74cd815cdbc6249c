"""Completion of an enrollment by its run's rules, and staff overrides."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training_site.core.roles import has_staff_role

from ..choices import EnrollmentStatus
from ..exceptions import CourseError, OnlyStaffOverride, OwnEnrollment, RunNotStarted
from ..models import Enrollment, EnrollmentStatusChange
from ..rules.attendance import Refusal, override_refusal

OVERRIDE_REFUSALS = {
    Refusal.NOT_THEIRS: OnlyStaffOverride,
    Refusal.OWN_ENROLLMENT: OwnEnrollment,
    Refusal.NOT_STARTED: RunNotStarted,
}

OVERRIDABLE = (
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.COMPLETED,
    EnrollmentStatus.NOT_COMPLETED,
)


class ReasonRequired(CourseError):
    default_message = _("Give a reason for the override: it is kept in the enrollment's history.")


class OverrideNotPossible(CourseError):
    default_message = _("Completion can only be decided for trainees who have a place on the run.")


def evaluate_completion(*, enrollment: Enrollment, by=None):
    """Apply the run's rules: an enrolled trainee who meets them becomes completed.

    Returns the enrollment's summary (progress, attendance, scores, missing). Completed
    enrollments are never taken back here; only a staff override does that.
    """
    from .progress import summarise_enrollment

    with transaction.atomic():
        locked = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        summary = summarise_enrollment(locked)
        if locked.status == EnrollmentStatus.ENROLLED and summary.complete:
            _change(locked, EnrollmentStatus.COMPLETED, by=by, reason=_("Completion rules met."))
            enrollment.status, enrollment.completed_at = locked.status, locked.completed_at
    return summary


def override_completion(*, enrollment: Enrollment, by, complete: bool, reason: str) -> Enrollment:
    """Staff decide completion against the rules, once the run has begun and never about their
    own place; the reason is recorded in the history (who, when, before, after)."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    target = EnrollmentStatus.COMPLETED if complete else EnrollmentStatus.NOT_COMPLETED
    with transaction.atomic():
        locked = Enrollment.objects.select_for_update().select_related("run").get(pk=enrollment.pk)
        refusal = override_refusal(
            run_start=locked.run.start_date,
            today=timezone.localdate(),
            staff=has_staff_role(by),
            about_self=by is not None and locked.user_id == by.pk,
        )
        if refusal is not None:
            raise OVERRIDE_REFUSALS[refusal]()
        if locked.status not in OVERRIDABLE:
            raise OverrideNotPossible()
        if locked.status != target:
            _change(locked, target, by=by, reason=reason)
    return locked


def _change(enrollment: Enrollment, to_status: str, *, by, reason) -> None:
    from_status = enrollment.status
    enrollment.status = to_status
    enrollment.completed_at = timezone.now() if to_status == EnrollmentStatus.COMPLETED else None
    enrollment.save(update_fields=["status", "completed_at", "updated_at"])
    EnrollmentStatusChange.objects.create(
        enrollment=enrollment,
        from_status=from_status,
        to_status=to_status,
        by=by,
        reason=str(reason),
    )
    if to_status == EnrollmentStatus.COMPLETED:
        from certificates.services import on_enrollment_completed

        on_enrollment_completed(enrollment)

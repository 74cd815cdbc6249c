"""The rows of "My learning": each run of the user with its status and what comes next.

Built in a fixed number of queries whatever the number of enrollments.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from certificates.choices import CertificateStatus
from certificates.models import Certificate

from ..choices import (
    ACTIVE_STATUSES,
    LEARNING_STATUSES,
    DeliveryMode,
    EnrollmentStatus,
    RunStatus,
)
from ..models import Enrollment
from ..queries.progress import summarise_enrollments
from ..services.notifications import course_titles

BADGES = {
    EnrollmentStatus.ENROLLED: "badge-ok",
    EnrollmentStatus.COMPLETED: "badge-ok",
    EnrollmentStatus.PENDING: "badge-warn",
    EnrollmentStatus.INVITED: "badge-warn",
    EnrollmentStatus.WAITLISTED: "badge-warn",
    EnrollmentStatus.DECLINED: "badge-bad",
    EnrollmentStatus.WITHDRAWN: "badge-bad",
    EnrollmentStatus.NOT_COMPLETED: "badge-bad",
}


IN_PERSON_MODES = (DeliveryMode.IN_PERSON, DeliveryMode.BLENDED)


@dataclass
class DashboardRow:
    enrollment: Enrollment
    course_title: str
    badge: str
    next_step: str
    admitted: bool
    can_withdraw: bool
    current: bool
    waitlist_position: int | None = None
    summary: object = None  # courses.queries.progress.EnrollmentSummary, for admitted trainees
    certificate: object = None  # the valid certificate, once issued
    letter_available: bool = False  # an official invitation letter for in-person runs

    @property
    def run(self):
        return self.enrollment.run


def _waitlist_positions(user, enrollments: list[Enrollment]) -> dict[int, int]:
    """Each waitlisted enrollment's place in its run's queue: one query, whatever the count."""
    if not enrollments:
        return {}
    waiting_runs = Enrollment.objects.filter(user=user, status=EnrollmentStatus.WAITLISTED).values(
        "run_id"
    )
    queues = defaultdict(list)
    for pk, run_id in (
        Enrollment.objects.waitlist().filter(run_id__in=waiting_runs).values_list("pk", "run_id")
    ):
        queues[run_id].append(pk)
    return {pk: index + 1 for queue in queues.values() for index, pk in enumerate(queue)}


def _next_step(enrollment: Enrollment, today: dt.date, position: int | None) -> str:
    run = enrollment.run
    status = enrollment.status
    if run.status == RunStatus.CANCELLED and status in ACTIVE_STATUSES:
        return _("This run has been cancelled.")
    if status == EnrollmentStatus.PENDING:
        return _("Wait for the centre's decision; you will receive an e-mail.")
    if status == EnrollmentStatus.INVITED:
        return _("Accept your invitation to take your place.")
    if status == EnrollmentStatus.WAITLISTED:
        return _(
            "You are number %(position)s on the waiting list; we will e-mail you if a seat "
            "becomes free."
        ) % {"position": position}
    if status == EnrollmentStatus.ENROLLED:
        days = (run.start_date - today).days
        if days > 0:
            return ngettext("Starts tomorrow.", "Starts in %(days)s days.", days) % {"days": days}
        if run.end_date >= today:
            return _("Under way: continue learning.")
        return _("Finished: the centre is recording the results.")
    if status == EnrollmentStatus.COMPLETED:
        return _("Completed.")
    return ""


def dashboard_rows(*, user, today: dt.date, language: str) -> list[DashboardRow]:
    enrollments = list(
        Enrollment.objects.filter(user=user)
        .select_related("run__course")
        .order_by("run__start_date", "pk")
    )
    titles = course_titles({e.run.course for e in enrollments}, language)
    positions = _waitlist_positions(user, enrollments)
    admitted = [e for e in enrollments if e.status in LEARNING_STATUSES]
    summaries = {s.enrollment.pk: s for s in summarise_enrollments(admitted)}
    certificates = {
        c.enrollment_id: c
        for c in Certificate.objects.filter(enrollment__in=admitted, status=CertificateStatus.VALID)
    }
    rows = []
    for enrollment in enrollments:
        run = enrollment.run
        active = enrollment.status in ACTIVE_STATUSES
        rows.append(
            DashboardRow(
                enrollment=enrollment,
                course_title=titles[run.course_id],
                badge=BADGES.get(enrollment.status, ""),
                next_step=_next_step(enrollment, today, positions.get(enrollment.pk)),
                admitted=enrollment.holds_seat,
                can_withdraw=active and run.end_date >= today,
                current=active and run.end_date >= today and run.status != RunStatus.CANCELLED,
                waitlist_position=positions.get(enrollment.pk),
                summary=summaries.get(enrollment.pk),
                certificate=certificates.get(enrollment.pk),
                letter_available=enrollment.holds_seat
                and run.delivery_mode in IN_PERSON_MODES
                and run.status != RunStatus.CANCELLED,
            )
        )
    return rows

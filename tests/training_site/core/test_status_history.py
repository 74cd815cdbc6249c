"""History rows share one shape (training_site.core.history.StatusChange): the row outlives the
account that acted, and a record's history reads oldest first, in the order it was written."""

import datetime as dt

from django.utils import timezone

import pytest

from courses.choices import AttendanceStatus, EnrollmentStatus
from courses.models import AttendanceChange, EnrollmentStatusChange
from tests.factories import (
    EnrollmentFactory,
    SessionFactory,
    StaffFactory,
    VisitRequestFactory,
)
from training_site.visits.choices import VisitRequestStatus
from training_site.visits.services import change_status

pytestmark = pytest.mark.django_db


def test_history_outlives_the_account_that_acted():
    staff = StaffFactory()
    enrollment = EnrollmentFactory()
    session = SessionFactory(run=enrollment.run)
    visit = VisitRequestFactory()
    enrollment_change = EnrollmentStatusChange.objects.create(
        enrollment=enrollment,
        from_status=EnrollmentStatus.ENROLLED,
        to_status=EnrollmentStatus.WITHDRAWN,
        by=staff,
        reason="Asked to leave",
    )
    attendance_change = AttendanceChange.objects.create(
        session=session, enrollment=enrollment, to_status=AttendanceStatus.PRESENT, by=staff
    )
    visit_change = change_status(visit=visit, to_status=VisitRequestStatus.CONFIRMED, by=staff)

    staff.delete()

    for row in (enrollment_change, attendance_change, visit_change):
        row.refresh_from_db()
        assert row.by is None
    assert enrollment_change.reason == "Asked to leave"


def test_a_visit_history_reads_in_the_order_it_was_written_even_within_one_instant():
    staff = StaffFactory()
    visit = VisitRequestFactory()
    first = change_status(visit=visit, to_status=VisitRequestStatus.CONFIRMED, by=staff)
    second = change_status(visit=visit, to_status=VisitRequestStatus.DECLINED, by=staff)
    instant = timezone.now() - dt.timedelta(hours=1)
    visit.status_changes.update(at=instant)

    assert list(visit.status_changes.all()) == [first, second]

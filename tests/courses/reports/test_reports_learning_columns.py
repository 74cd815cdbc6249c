"""The run report's figures from learning and certificates, against hand-computed values."""

from django.utils import timezone

import pytest

from courses.choices import AssessmentKind, EnrollmentStatus
from courses.models import Enrollment
from courses.reports.measures import report_rows, totals
from tests import factories

pytestmark = pytest.mark.django_db


def _attempt(enrollment, assessment, number, score):
    factories.AttemptFactory(
        enrollment=enrollment, assessment=assessment, number=number, score=score
    )


def test_run_report_has_gain_attendance_and_certificates(run, pre_test, post_test, staff_user):
    from certificates.services import issue_certificate

    sessions = [factories.SessionFactory(run=run) for _ in range(2)]
    run.certificate_template = factories.CertificateTemplateFactory()
    run.save()
    a = factories.EnrollmentFactory(
        run=run, status=EnrollmentStatus.COMPLETED, completed_at=timezone.now()
    )
    b = factories.EnrollmentFactory(run=run, status=EnrollmentStatus.ENROLLED)
    _attempt(a, pre_test, 1, 40)
    _attempt(b, pre_test, 1, 60)
    _attempt(a, post_test, 1, 70)
    _attempt(a, post_test, 2, 80)
    _attempt(b, post_test, 1, 90)
    for session in sessions:
        factories.AttendanceFactory(session=session, enrollment=a)
    factories.AttendanceFactory(session=sessions[0], enrollment=b)
    factories.AttendanceFactory(session=sessions[1], enrollment=b, absent=True)
    issue_certificate(enrollment=a, by=staff_user)

    assert pre_test.kind == AssessmentKind.PRE_TEST
    (row,) = report_rows(Enrollment.objects.all(), "run")
    assert row["pre_avg"] == 50
    assert row["post_avg"] == 85
    assert row["knowledge_gain"] == 35
    assert row["sessions"] == 2
    assert row["attended"] == 3
    assert row["attendance_rate"] == 75
    assert row["certificates"] == 1
    assert totals(Enrollment.objects.all())["certificates"] == 1

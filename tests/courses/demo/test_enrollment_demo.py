import pytest

from courses.choices import EnrollmentStatus
from courses.demo import enrollment as demo
from courses.models import Enrollment, EnrollmentStatusChange, TraineeProfile
from tests import factories

pytestmark = pytest.mark.django_db


def test_demo_copes_with_no_runs():
    demo.seed()
    assert TraineeProfile.objects.filter(user__username="trainee").get().is_complete
    assert TraineeProfile.objects.values("country").distinct().count() >= 5
    assert not Enrollment.objects.exists()


def test_demo_is_idempotent_and_has_history(course):
    for _ in range(3):
        factories.CourseRunFactory(course=course)
    demo.seed()
    counts = (Enrollment.objects.count(), EnrollmentStatusChange.objects.count())
    demo.seed()
    assert (Enrollment.objects.count(), EnrollmentStatusChange.objects.count()) == counts
    statuses = set(Enrollment.objects.values_list("status", flat=True))
    assert {
        EnrollmentStatus.ENROLLED,
        EnrollmentStatus.PENDING,
        EnrollmentStatus.WAITLISTED,
    } <= statuses
    declined = Enrollment.objects.get(status=EnrollmentStatus.DECLINED)
    assert declined.history.last().reason
    assert not Enrollment.objects.filter(history__isnull=True).exists()

import pytest

from courses.choices import AdmissionPolicy
from courses.demo import nominations as demo
from courses.models import FocalPoint, Nomination
from tests import factories

pytestmark = pytest.mark.django_db


def test_demo_nominations_are_idempotent_and_cope_without_runs(course):
    focal = factories.UserFactory(username="focal", email="focal@example.org")
    demo.seed()  # no invitation-only run yet: only the focal point
    assert FocalPoint.objects.get(user=focal).country == "JO"
    assert not Nomination.objects.exists()
    factories.CourseRunFactory(course=course, admission_policy=AdmissionPolicy.INVITATION)
    demo.seed()
    count = Nomination.objects.count()
    assert count == len(demo.NOMINEES)
    demo.seed()
    assert Nomination.objects.count() == count
    assert set(Nomination.objects.values_list("country", flat=True)) == {"JO"}


def test_demo_does_nothing_without_the_focal_user(db):
    demo.seed()
    assert not FocalPoint.objects.exists()

import pytest

from tests import factories
from training_site.demo import site as demo
from training_site.demo import visits as demo_visits
from training_site.models import (
    HomePage,
    StudyVisitIndexPage,
    StudyVisitStoryPage,
    VisitProgrammePage,
    VisitRequest,
    VisitRequestStatus,
)

pytestmark = pytest.mark.django_db


def _counts():
    return (
        StudyVisitIndexPage.objects.count(),
        StudyVisitStoryPage.objects.count(),
        VisitProgrammePage.objects.count(),
        VisitRequest.objects.count(),
    )


def test_demo_visits_are_seeded_once_in_three_languages_even_without_a_catalogue(client):
    demo.seed()
    demo_visits.seed()
    assert _counts() == (3, 6, 3, 1)
    assert client.get("/en/study-visits/").status_code == 200


def test_demo_programme_links_catalogue_courses_and_is_seeded_once(client):
    demo.seed()
    home = HomePage.objects.get(locale__language_code="ar")
    index = factories.CourseIndexPageFactory(parent=home)
    course = factories.CoursePageFactory(parent=index, title="Victim identification")
    demo_visits.seed()
    assert _counts() == (3, 6, 3, 1)
    demo_visits.seed()
    assert _counts() == (3, 6, 3, 1)

    visit = VisitRequest.objects.get()
    assert visit.status == VisitRequestStatus.CONFIRMED
    english = VisitProgrammePage.objects.get(locale__language_code="en", visit_request=visit)
    response = client.get(f"{english.url}{english.access_token}/")
    assert response.status_code == 200
    assert "Visit to a shelter for victims" in response.content.decode()
    assert course.title in response.content.decode()
    for code in ("ar", "en", "fr"):
        assert client.get(f"/{code}/study-visits/").status_code == 200

"""Query budgets: catalogue <= 10 queries, course page <= 12, flat from 5 to 200 courses."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.choices import RunStatus
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_time(settings):
    """Count the queries of a real render: these pages are otherwise served from the page cache."""
    settings.PAGE_CACHE_SECONDS = 0


def _add_courses(index, count, start=0):
    topics = [factories.TopicFactory(slug=f"t{n}") for n in range(3)]
    for number in range(start, start + count):
        course = factories.CoursePageFactory(
            parent=index, slug=f"c{number}", topic=topics[number % 3]
        )
        factories.CourseRunFactory(course=course, language=("ar", "en", "fr")[number % 3])
        if number % 4 == 0:
            factories.CourseRunFactory(course=course, status=RunStatus.CANCELLED)


def _warm(client, url) -> None:
    """The first request creates the centre settings row and fills the shared chrome cache."""
    client.get(url)
    client.get(url)


def _count(client, url) -> int:
    _warm(client, url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_catalogue_query_count_does_not_grow_with_the_catalogue(
    client, course_index, django_assert_max_num_queries
):
    _add_courses(course_index, 5)
    url = "/ar/programmes/?language=en&open_now=1"
    small = _count(client, url)
    _warm(client, "/ar/programmes/")
    with django_assert_max_num_queries(10):
        client.get("/ar/programmes/")
    _add_courses(course_index, 195, start=5)
    assert _count(client, url) == small
    _warm(client, "/ar/programmes/")
    with django_assert_max_num_queries(10):
        response = client.get("/ar/programmes/")
    assert len(response.context["cards"]) == 200


def test_course_page_query_budget(client, course, django_assert_max_num_queries):
    image = factories_image()
    for order in range(3):
        factories.CourseInstructorFactory(
            page=course, name=f"Instructor {order}", photo=image, sort_order=order
        )
    for _ in range(2):
        run = factories.CourseRunFactory(course=course)
        factories.SessionFactory(run=run)
        factories.EnrollmentFactory(run=run)
    url = course.url
    _warm(client, url)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count('class="instructor-photo"') == 3
    few = _count(client, url)
    for _ in range(10):
        factories.EnrollmentFactory(run=factories.CourseRunFactory(course=course))
    assert _count(client, url) == few


def factories_image():
    import wagtail_factories

    return wagtail_factories.ImageFactory()

"""Direct routing (training_site/core/routing.py) answers exactly as Wagtail's tree walk would."""

from wagtail.models import Page

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_a_lesson_is_found_in_two_routing_queries(client, lessons, django_assert_max_num_queries):
    url = lessons[1].get_url()
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert "Lesson two" in response.content.decode()
    tree_queries = [q for q in queries.captured_queries if '"wagtailcore_page"' in q["sql"]]
    # the page by its URL path, its specific row, then Wagtail's view-restriction check
    assert len(tree_queries) <= 4


def test_a_draft_or_unknown_page_is_not_found(client, course, lessons):
    lessons[0].unpublish()
    assert (
        client.get(
            lessons[0].get_url() if lessons[0].live else f"{course.url}{lessons[0].slug}/"
        ).status_code
        == 404
    )
    assert client.get(f"{course.url}no-such-lesson/").status_code == 404


def test_a_page_is_served_only_under_its_own_language(client, course):
    path = course.url.split("/", 2)[2]  # without the /ar/ prefix
    assert client.get(f"/ar/{path}").status_code == 200
    assert client.get(f"/en/{path}").status_code == 404  # not translated into English


def test_a_live_page_under_a_draft_parent_is_served_as_wagtail_would(client, course, lessons):
    Page.objects.filter(pk=course.pk).update(live=False)
    assert client.get(lessons[1].get_url()).status_code == 200


def test_pages_with_their_own_routes_still_route_through_wagtail(client, programme):
    """A visit programme answers only at its secret sub-route, never at its bare address."""
    assert client.get(f"{programme.url}{programme.access_token}/").status_code == 200
    assert client.get(programme.url).status_code == 404


def test_a_moved_page_answers_at_its_new_address(client, course_index, lessons):
    other = factories.CoursePageFactory(parent=course_index, slug="elsewhere")
    old = lessons[2].get_url()
    lessons[2].move(other, pos="last-child")
    lessons[2].refresh_from_db()
    new = lessons[2].get_url()
    assert new != old
    assert client.get(new).status_code == 200
    response = client.get(old)  # Wagtail keeps a redirect from the old address
    assert response.status_code == 301
    assert response["Location"] == new

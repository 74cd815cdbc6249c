import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_get_the_cached_page(client, home_pages):
    assert client.get("/en/")["X-Page-Cache"] == "miss"
    assert client.get("/en/")["X-Page-Cache"] == "hit"


def test_cache_is_per_language(client, home_pages):
    client.get("/en/")
    response = client.get("/fr/")
    assert response["X-Page-Cache"] == "miss"
    assert '<html lang="fr"' in response.content.decode()


def test_publishing_purges_the_cache(client, home_pages):
    client.get("/en/")
    page = home_pages["en"]
    page.hero_title = "A new headline"
    page.save_revision().publish()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "A new headline" in response.content.decode()


def test_logged_in_users_never_get_a_cached_page(client, home_pages):
    client.get("/en/")
    user = factories.UserFactory(first_name="Zaynab")
    client.force_login(user)
    response = client.get("/en/")
    assert "X-Page-Cache" not in response
    assert "Sign out" in response.content.decode()


def test_a_page_cached_for_visitors_does_not_leak_to_users_and_back(client, home_pages):
    user = factories.UserFactory()
    client.force_login(user)
    client.get("/en/")
    client.logout()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "Sign out" not in response.content.decode()


def test_a_cached_page_costs_no_database_query(client, course, django_assert_num_queries):
    client.get(course.url)
    with django_assert_num_queries(0):
        response = client.get(course.url)
    assert response["X-Page-Cache"] == "hit"
    assert course.title in response.content.decode()


def test_a_cached_copy_keeps_the_security_headers(client, course):
    first = client.get(course.url)
    second = client.get(course.url)
    assert second["X-Page-Cache"] == "hit"
    for header in ("Content-Type", "Content-Language", "X-Frame-Options"):
        assert second[header] == first[header]
    assert "Content-Security-Policy" in second
    assert second.content == first.content


def test_catalogue_filters_are_cached_apart_and_made_up_parameters_not_at_all(client, course_index):
    assert client.get("/ar/programmes/?language=en")["X-Page-Cache"] == "miss"
    assert client.get("/ar/programmes/?language=fr")["X-Page-Cache"] == "miss"
    assert client.get("/ar/programmes/?language=en")["X-Page-Cache"] == "hit"
    for _ in range(2):
        response = client.get("/ar/programmes/?utm_source=mail")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response


def test_changing_a_run_purges_the_course_page(client, course):
    client.get(course.url)
    factories.CourseRunFactory(course=course, venue="Salle Carthage")
    response = client.get(course.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Salle Carthage" in response.content.decode()


def test_a_stale_session_cookie_bypasses_the_cache(client, course):
    client.get(course.url)
    client.cookies["sessionid"] = "not-a-session"
    response = client.get(course.url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response


def test_the_cache_can_be_switched_off(client, course, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(course.url)
    assert "X-Page-Cache" not in client.get(course.url)


def test_changing_a_partner_logo_purges_the_cached_pages(client, home_pages):
    from wagtail.models import Site

    from training_site.models import CentreSettings

    client.get("/en/")
    centre = CentreSettings.for_site(Site.objects.get(is_default_site=True))
    factories.PartnerLogoFactory(settings=centre, name="Ministry of Labour")
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"

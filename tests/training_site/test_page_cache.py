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

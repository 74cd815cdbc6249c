import re

import pytest

pytestmark = pytest.mark.django_db

HTML_TAG = re.compile(r'<html lang="(?P<lang>[a-z]+)" dir="(?P<dir>rtl|ltr)">')


@pytest.mark.parametrize(
    ("code", "direction", "skip_text"),
    [
        ("ar", "rtl", "انتقل إلى المحتوى"),
        ("en", "ltr", "Skip to content"),
        ("fr", "ltr", "Aller au contenu"),
    ],
)
def test_home_page_in_each_language(client, home_pages, code, direction, skip_text):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    html = response.content.decode()
    match = HTML_TAG.search(html)
    assert match and match["lang"] == code and match["dir"] == direction
    assert skip_text in html
    assert home_pages[code].title in html


@pytest.mark.parametrize(
    ("accept", "target"), [("fr-FR,fr;q=0.9", "/fr/"), ("en-GB", "/en/"), ("ar", "/ar/")]
)
def test_root_redirects_to_the_browsers_language(client, home_pages, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target


def test_root_defaults_to_arabic(client, home_pages):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="de")
    assert response["Location"] == "/ar/"


def test_switcher_links_to_the_same_page_in_other_languages(client, home_pages):
    html = client.get("/en/").content.decode()
    assert 'href="/ar/" lang="ar"' in html
    assert 'href="/fr/" lang="fr"' in html
    assert 'href="/en/" lang="en" hreflang="en" aria-current="true"' in html


def test_switcher_on_a_non_page_view_keeps_the_path(client, home_pages):
    html = client.get("/fr/accounts/login/").content.decode()
    assert 'href="/en/accounts/login/"' in html
    assert 'href="/ar/accounts/login/"' in html


def test_unknown_page_is_a_styled_404_in_the_language(client, home_pages):
    response = client.get("/fr/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Page introuvable" in html


def test_unknown_language_prefix_is_not_served(client, home_pages):
    response = client.get("/de/", follow=True)
    assert response.status_code == 404

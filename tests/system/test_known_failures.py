"""Checks for the failures web applications are known for: guessable identifiers in public URLs,
personal data on the public verification page, a PDF renderer that fetches what it should not,
sign-in forms that let a robot guess passwords, a second way in beside the guarded one, and
files that run in the site's origin."""

import datetime as dt
import re

from django.utils import timezone

import pytest

from certificates.services import issue_certificate
from tests import factories
from tests.routes import all_routes
from training_site.core import pdf
from training_site.core.pdf import FetchRefused, ProjectFileFetcher, render_pdf

pytestmark = pytest.mark.django_db

# --- no sequential or guessable ids in public URLs ------------------------------------------------

SEQUENTIAL = re.compile(r"<int:|<path:|\\d|\[0-9\]")
# Public routes with a number in them, each with the reason it may stay.
JUSTIFIED = {
    # Wagtail's password form for restricted pages and documents: the ids name a restriction,
    # the form gives nothing away without the password.
    "wagtaildocs_authenticate_with_password": "Wagtail's password form, discloses nothing",
    "wagtailcore_authenticate_with_password": "Wagtail's password form, discloses nothing",
}


def test_no_sequential_ids_in_urls_people_outside_the_admin_can_reach():
    routes = list(all_routes())
    assert len(routes) > 50
    numbered = {
        name: route
        for name, route in routes
        if SEQUENTIAL.search(route) and not route.lstrip("^").startswith("admin/")
    }
    unjustified = {name: route for name, route in numbered.items() if name not in JUSTIFIED}
    assert not unjustified, f"public URLs with sequential ids: {unjustified}"
    assert set(JUSTIFIED) <= set(numbered), "justifications for routes that no longer exist"


# --- the public verification page shows nothing personal beyond the holder's name ----------------


def test_verification_shows_no_email_or_country(client, completed_enrollment, fake_certificate_pdf):
    user = completed_enrollment.user
    profile = user.trainee_profile
    profile.country = "JO"
    profile.organisation = "Directorate of Anti-Human Trafficking"
    profile.job_title = "Senior Investigator"
    profile.save()
    certificate = issue_certificate(enrollment=completed_enrollment, by=None)
    private = [user.email, user.username, "Jordan", "الأردن", "Jordanie", profile.organisation]
    private.append(profile.job_title)
    for language in ("ar", "en", "fr"):
        html = client.get(f"/{language}/verify/{certificate.code}/").content.decode()
        data = client.get(f"/{language}/verify/{certificate.code}.json")
        assert profile.name_latin in html  # the page works: the name is there
        for value in private:
            assert value not in html, (language, value)
            assert value not in data.content.decode(), (language, value)
        assert not {"email", "country", "organisation", "user"} & set(data.json())


# --- WeasyPrint fetches only the project's static and media files -------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://example.com/logo.png",
        "ftp://example.com/x",
        "http://127.0.0.1:8000/static/../../../etc/passwd",
        "http://127.0.0.1:8000/static/..%2F..%2F..%2Fetc%2Fpasswd",
        "http://127.0.0.1:8000/media/../../etc/passwd",
        "http://127.0.0.1:8000/etc/passwd",
        "http://127.0.0.1:8000/admin/",
    ],
)
def test_the_pdf_fetcher_refuses_anything_outside_static_and_media(url, settings):
    base = f"{pdf._BASE.scheme}://{pdf._BASE.netloc}"
    url = url.replace("http://127.0.0.1:8000", base)
    with pytest.raises((FetchRefused, OSError)):
        ProjectFileFetcher().fetch(url)


def test_the_pdf_fetcher_serves_the_projects_static_files():
    base = f"{pdf._BASE.scheme}://{pdf._BASE.netloc}"
    response = ProjectFileFetcher().fetch(f"{base}/static/css/site.css")
    assert response is not None


def test_a_relative_path_in_a_document_cannot_reach_the_file_system(tmp_path):
    pdf = render_pdf(
        '<link rel="stylesheet" href="../../../../etc/passwd">'
        '<img src="../../../../../etc/passwd"><img src="file:///etc/passwd">'
        "<p>Certificate</p>"
    )
    assert pdf.startswith(b"%PDF") and b"root:x:" not in pdf


# --- sign-in is rate-limited, on the site and for the admin --------------------------------------

LOCKED_OUT = "Too many failed login attempts"


@pytest.mark.parametrize("start", ["/accounts/login/", "/admin/login/"])
def test_repeated_failed_sign_ins_are_throttled(client, start, settings):
    settings.LANGUAGE_CODE = "en"
    user = factories.UserFactory(username="target")
    login = client.get(start, follow=True).redirect_chain
    url = login[-1][0].split("?")[0] if login else start
    assert url.rstrip("/").endswith("accounts/login")
    for _attempt in range(6):
        response = client.post(url, {"login": user.email, "password": "wrong-password"})
        assert response.status_code in (200, 429)
    response = client.post(url, {"login": user.email, "password": factories.DEFAULT_PASSWORD})
    assert "_auth_user_id" not in client.session, "signed in despite the lock-out"
    assert response.status_code == 429 or LOCKED_OUT in response.content.decode()


# === Issue 15: one way in, the admin's door, files, one client address (holes 1, 6, 11, 12) ===
# Each case below was reproduced on the code before the fix. The whole classes are covered by
# tests/system/: test_sign_in_doors.py (every URL, every password form), test_matrix_site.py and
# test_matrix_admin.py (every URL for nine roles), test_one_client_address.py (every throttle).

# --- one way in: allauth's sign-in ---------------------------------------------------------------


@pytest.mark.parametrize("url", ["/en/_util/login/", "/admin/login/"])
def test_wagtails_sign_in_forms_only_send_to_allauth(client, url):
    person = factories.UserFactory()
    credentials = {"username": person.email, "password": factories.DEFAULT_PASSWORD}
    response = client.post(url, credentials)
    assert "_auth_user_id" not in client.session, f"{url} signed somebody in"
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- files: nothing active from the site's origin, no public documents -----------------------


def test_no_svg_image_and_no_public_document(settings, private_storage):
    assert "svg" not in [extension.lower() for extension in settings.WAGTAILIMAGES_EXTENSIONS]
    document = factories.DocumentFactory()
    assert str(document.key) in document.url and f"/{document.pk}/" not in document.url
    with pytest.raises(ValueError):
        _ = document.file.url  # private storage: no public URL


# --- one client address: a client cannot name itself in X-Forwarded-For ---------------------


def test_a_spoofed_forwarded_for_header_does_not_escape_the_visit_request_limit(
    client, home_pages, settings, django_capture_on_commit_callbacks
):

    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # what deployments used to set: must not matter
    start = timezone.localdate() + dt.timedelta(days=30)
    answers = []
    for n in range(4):
        data = {
            "country": "JO",
            "institutions": "Ministry",
            "contact_name": "Robot",
            "contact_email": f"robot{n}@example.org",
            "delegation_size": "3",
            "preferred_start": start.isoformat(),
            "preferred_end": (start + dt.timedelta(days=2)).isoformat(),
            "languages": ["en"],
            "website": "",
        }
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/en/study-visit-request/",
                data,
                REMOTE_ADDR="198.51.100.7",  # not a proxy of ours: its header is its own say-so
                HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
            )
        answers.append(response.status_code)
    assert answers == [302, 302, 302, 429]

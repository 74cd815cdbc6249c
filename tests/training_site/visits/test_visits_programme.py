"""Visit programme pages: private link, unlisted, printable, PDF itinerary; the public page."""

import datetime as dt
import io

from django.core import mail  # noqa: F401

from wagtail.models import Page

import pytest
from pypdf import PdfReader

from tests import factories
from tests.helpers import visit_day
from training_site.models import VisitProgrammePage

pytestmark = pytest.mark.django_db


def _pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_right_token_opens_the_programme(client, programme):
    response = client.get(f"{programme.url}{programme.access_token}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "زيارة مركز الإيواء" in html
    assert "وزارة التنمية الاجتماعية" in html
    assert 'name="robots" content="noindex' in html
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("suffix", ["", "wrong-token/", "itinerary/", "wrong-token/itinerary/"])
def test_without_the_right_token_the_programme_is_not_found(client, programme, suffix):
    assert client.get(f"{programme.url}{suffix}").status_code == 404


def test_a_token_of_another_programme_does_not_open_this_one(client, programme, visit_index):
    other = factories.VisitProgrammePageFactory(parent=visit_index)
    assert client.get(f"{programme.url}{other.access_token}/").status_code == 404


def test_tokens_are_long_random_and_differ_between_translations(programme, locales):
    english = programme.copy_for_translation(locales["en"])
    assert len(programme.access_token) >= 32
    assert english.access_token != programme.access_token


def test_the_programme_is_in_no_menu_listing_search_or_sitemap(
    client, programme, visit_index, home_pages
):
    factories.StudyVisitStoryPageFactory(parent=visit_index, title="Labour inspectors' visit")
    programme.show_in_menus = True
    programme.save_revision().publish()
    programme.refresh_from_db()
    assert programme.show_in_menus is False

    index_html = client.get(visit_index.url).content.decode()
    assert "Labour inspectors&#x27; visit" in index_html
    assert "برنامج الزيارة" not in index_html
    home_html = client.get(home_pages["ar"].url).content.decode()
    assert visit_index.title in home_html  # the study visits page is in the menu
    assert programme.url not in home_html

    found = Page.objects.live().search("برنامج الزيارة")
    assert programme.pk not in [page.pk for page in found]
    assert not VisitProgrammePage.search_fields
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "study-visits" in sitemap
    assert programme.slug not in sitemap


def test_the_index_lists_only_published_stories(client, visit_index):
    factories.StudyVisitStoryPageFactory(parent=visit_index, title="Published story")
    draft = factories.StudyVisitStoryPageFactory(parent=visit_index, title="Draft story")
    draft.unpublish()
    html = client.get(visit_index.url).content.decode()
    assert "Published story" in html
    assert "Draft story" not in html
    assert "/ar/study-visit-request/" in html


def test_the_arabic_itinerary_pdf_reads_right_to_left(client, programme):
    response = client.get(f"{programme.url}{programme.access_token}/itinerary/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    text = _pdf_text(response.content)
    assert "برنامج الزيارة" in text
    assert "مركز الحماية" in text
    assert "09:30" in text and "12:00" in text
    assert "زيارة ميدانية" in text  # the kind, in Arabic


def test_the_english_itinerary_lists_days_items_and_linked_courses(
    client, programme, locales, course
):
    english = programme.copy_for_translation(locales["en"])
    english.title = "Visit programme"
    start = programme.visit_request.preferred_start
    english.days = [
        visit_day(
            date=start + dt.timedelta(days=1),
            items=[
                {
                    "kind": "training_demonstration",
                    "start_time": dt.time(14, 0),
                    "end_time": None,
                    "title": "Interview demonstration",
                    "place": "Training room",
                    "host": "Centre instructors",
                    "description": "How officers interview a presumed victim.",
                    "courses": [course],
                },
                {
                    "kind": "bilateral_meeting",
                    "start_time": dt.time(9, 0),
                    "end_time": dt.time(10, 0),
                    "title": "Meeting with the director",
                    "place": "",
                    "host": "",
                    "description": "",
                },
            ],
        )
    ]
    english.save_revision().publish()
    english = english.specific
    page_html = client.get(f"{english.url}{english.access_token}/").content.decode()
    assert course.title in page_html

    response = client.get(f"{english.url}{english.access_token}/itinerary/")
    text = _pdf_text(response.content)
    assert "Visit programme" in text
    assert "Training demonstration" in text
    assert "Interview demonstration" in text
    assert course.title in text
    # Items are in time order whatever order staff entered them in.
    assert text.index("Meeting with the director") < text.index("Interview demonstration")


def test_hostile_content_is_escaped_in_page_and_pdf(client, visit_index, confirmed_visit):
    hostile = "<b>bold</b><script>alert(1)</script>"
    page = factories.VisitProgrammePageFactory(
        parent=visit_index,
        title="Programme",
        delegation=hostile,
        visit_request=confirmed_visit,
        days=[
            visit_day(
                date=dt.date(2030, 1, 1),
                items=[
                    {
                        "kind": "presentation",
                        "start_time": dt.time(9, 0),
                        "end_time": None,
                        "title": hostile,
                        "place": "",
                        "host": "",
                        "description": hostile,
                    }
                ],
            )
        ],
    )
    html = client.get(f"{page.url}{page.access_token}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html
    text = _pdf_text(client.get(f"{page.url}{page.access_token}/itinerary/").content)
    # Shown as typed, not interpreted (the extractor mirrors "<" in right-to-left text).
    assert "alert(1)" in text
    assert "bold" in text


def test_staff_preview_shows_the_programme_without_the_token(client, programme):

    editor = factories.SuperuserFactory()
    factories.TOTPAuthenticatorFactory(user=editor)
    client.force_login(editor)
    response = client.get(f"/admin/pages/{programme.pk}/view_draft/")
    assert response.status_code == 200
    assert "زيارة مركز الإيواء" in response.content.decode()

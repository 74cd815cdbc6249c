"""Journey 1: a visiting delegation browses the catalogue, filters it, downloads the brochure
and requests a study visit, in Arabic and in English."""

import datetime as dt

from django.core import mail
from django.utils import timezone

import pytest

from tests import factories
from training_site.models import VisitRequest

from .journey import LANGUAGES, Journey

pytestmark = pytest.mark.django_db(transaction=True)

COURSES = {
    # slug: (Arabic title, English title, topic slug)
    "financial": ("التحقيق المالي في الجرائم", "Financial investigation", "investigation"),
    "shelters": ("معايير دور الإيواء", "Shelter standards", "protection"),
}
TOPICS = {
    "investigation": ("التحقيق", "Investigation"),
    "protection": ("حماية الضحايا", "Protection"),
}


@pytest.fixture
def world(course_indexes, visit_index):
    """Two courses of two topics, each with an open run, in Arabic and English."""
    topics = {}
    for slug, (arabic, english) in TOPICS.items():
        topics[slug] = factories.TopicFactory(name=arabic, slug=slug)
        factories.translate_topic(topics[slug], "en", english)
    for slug, (arabic, english, topic) in COURSES.items():
        course = factories.CoursePageFactory(
            parent=course_indexes["ar"], title=arabic, slug=slug, topic=topics[topic]
        )
        factories.translate_page(course, "en", title=english)
        factories.CourseRunFactory(course=course)
    return topics


@pytest.mark.parametrize("code", LANGUAGES)
def test_delegation_browses_downloads_and_requests_a_visit(journey_page, live_site, world, code):
    journey = Journey(journey_page, live_site, "delegation", code)
    page = journey.page
    titles = {slug: names[0 if code == "ar" else 1] for slug, names in COURSES.items()}

    journey.goto(f"/{code}/", "home")
    journey.goto(f"/{code}/programmes/", "catalogue")
    cards = page.locator(".course-card h2")
    assert sorted(cards.all_inner_texts()) == sorted(titles.values())

    page.select_option("#id_topic", "protection")
    page.get_by_role("button", name={"ar": "تطبيق", "en": "Apply filters"}[code]).click()
    page.wait_for_url("**topic=protection**")
    assert cards.all_inner_texts() == [titles["shelters"]]
    journey.step("filtered")

    # The brochure is served inline, so Chromium shows it in its PDF viewer; the bytes the
    # link gives are fetched again with the browser's cookies to check they are that PDF.
    link = page.locator(".catalogue-downloads a[href*='brochure.pdf']")
    with page.expect_response(lambda r: "brochure.pdf" in r.url) as brochure:
        link.click()
    response = brochure.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert f'filename="brochure-{code}-protection.pdf"' in response.headers["content-disposition"]
    assert page.request.get(response.url).body().startswith(b"%PDF-")

    journey.goto(f"/{code}/study-visits/", "study-visits")
    page.locator(".visit-cta a").click()
    page.wait_for_url("**/study-visit-request/")
    journey.step("visit-form")
    start = timezone.localdate() + dt.timedelta(days=45)
    page.select_option("#id_country", "JO")
    page.fill("#id_institutions", "Ministry of Labour")
    page.fill("#id_delegation_size", "8")
    page.locator("input[name=languages][value=ar]").check()
    page.fill("#id_contact_name", "Rania Khalil")
    page.fill("#id_contact_email", "rania@example.org")
    page.fill("#id_preferred_start", start.isoformat())
    page.fill("#id_preferred_end", (start + dt.timedelta(days=3)).isoformat())
    page.locator("input[name=topics]").first.check()
    page.fill("#id_message", "We would like to learn how the referral mechanism works.")
    page.locator(".visit-form button[type=submit]").click()
    page.wait_for_url("**/study-visit-request/sent/")
    assert "rania@example.org" in page.locator("main").inner_text()
    journey.step("visit-sent")

    visit = VisitRequest.objects.get()
    assert (visit.contact_email, visit.language, visit.delegation_size) == (
        "rania@example.org",
        code,
        8,
    )
    assert [m.to for m in mail.outbox if "rania@example.org" in m.to] == [["rania@example.org"]]
    journey.assert_accessible()

"""The public catalogue at /<lang>/programmes/: cards, filters, search, bad input."""

import datetime as dt

from django.utils import timezone

import pytest

from courses.choices import DeliveryMode, RunStatus
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _titles(response) -> list[str]:
    return [card.course.title for card in response.context["cards"]]


@pytest.fixture
def catalogue(course_indexes):
    """Three Arabic courses, translated to English, with runs of different kinds."""
    index = course_indexes["ar"]
    investigation = factories.TopicFactory(name="التحقيق", slug="investigation")
    protection = factories.TopicFactory(name="حماية الضحايا", slug="protection")
    factories.translate_topic(investigation, "en", "Investigation")
    factories.translate_topic(protection, "en", "Victim protection")
    courses = {}
    specs = [
        (
            "financial",
            "التحقيق المالي في الجرائم",
            "Financial investigation",
            investigation,
            DeliveryMode.BLENDED,
        ),
        ("shelters", "معايير دور الإيواء", "Shelter standards", protection, DeliveryMode.ONLINE),
        (
            "evidence",
            "جمع الأدلة الرقمية",
            "Digital evidence",
            investigation,
            DeliveryMode.IN_PERSON,
        ),
    ]
    for slug, title_ar, title_en, topic, mode in specs:
        course = factories.CoursePageFactory(
            parent=index,
            title=title_ar,
            slug=slug,
            topic=topic,
            delivery_mode=mode,
            summary=f"ملخص {title_ar}",
        )
        factories.translate_page(course, "en", title=title_en, summary=f"About {title_en}")
        courses[slug] = course
    now = timezone.now()
    # financial: open now, in English, next month.
    factories.CourseRunFactory(course=courses["financial"], language="en")
    # shelters: French run in four months, window not open yet.
    start = TODAY + dt.timedelta(days=120)
    factories.CourseRunFactory(
        course=courses["shelters"],
        language="fr",
        start_date=start,
        end_date=start + dt.timedelta(days=2),
        enrollment_opens=now + dt.timedelta(days=30),
        enrollment_closes=now + dt.timedelta(days=100),
    )
    # evidence: only a past Arabic run.
    past = TODAY - dt.timedelta(days=60)
    factories.CourseRunFactory(
        course=courses["evidence"],
        language="ar",
        start_date=past,
        end_date=past + dt.timedelta(days=2),
        status=RunStatus.FINISHED,
        enrollment_opens=now - dt.timedelta(days=120),
        enrollment_closes=now - dt.timedelta(days=70),
    )
    return courses


def test_every_course_is_listed_with_its_facts(client, catalogue):
    response = client.get("/en/programmes/")
    assert response.status_code == 200
    assert _titles(response) == ["Digital evidence", "Financial investigation", "Shelter standards"]
    html = response.content.decode()
    assert "Victim protection" in html  # the topic in the page's language
    assert "Blended" in html and "Online" in html
    card = next(c for c in response.context["cards"] if c.course.slug == "financial")
    assert card.languages == ["en"]
    assert card.next_run is not None
    closes = timezone.localtime(card.next_run.enrollment_closes).isoformat()
    assert f'<time datetime="{closes}">' in html  # the card shows its next run's deadline


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=investigation", ["Digital evidence", "Financial investigation"]),
        ("topic=protection", ["Shelter standards"]),
        ("language=fr", ["Shelter standards"]),
        ("language=en", ["Financial investigation"]),
        ("language=ar", []),  # the Arabic run is past
        ("mode=online", ["Shelter standards"]),
        ("mode=in_person", ["Digital evidence"]),
        ("open_now=1", ["Financial investigation"]),
    ],
)
def test_each_filter(client, catalogue, query, expected):
    response = client.get(f"/en/programmes/?{query}")
    assert response.status_code == 200
    assert _titles(response) == expected


def test_month_filter_matches_runs_taking_place_that_month(client, catalogue):
    start = TODAY + dt.timedelta(days=120)
    response = client.get(f"/en/programmes/?month={start:%Y-%m}")
    assert _titles(response) == ["Shelter standards"]


def test_filters_combine(client, catalogue):
    assert _titles(client.get("/en/programmes/?topic=investigation&open_now=1")) == [
        "Financial investigation"
    ]
    assert _titles(client.get("/en/programmes/?topic=protection&open_now=on")) == []
    assert _titles(client.get("/en/programmes/?language=fr&mode=online")) == ["Shelter standards"]
    assert _titles(client.get("/en/programmes/?language=fr&mode=blended")) == []


def test_run_filters_apply_to_the_same_run(client, catalogue):
    # The French run is not open now, the open run is in English: no single run matches both.
    factories.CourseRunFactory(course=catalogue["shelters"], language="en")
    assert _titles(client.get("/en/programmes/?language=fr&open_now=1")) == []
    assert _titles(client.get("/en/programmes/?language=en&open_now=1")) == [
        "Financial investigation",
        "Shelter standards",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "topic=nope",
        "language=xx",
        "mode=teleport",
        "month=2026-13",
        "month=abc",
        "month=1999-01",
        "q=" + "x" * 500,
        "topic=%FF%FE",
        "language=en&language=zz&language",
        "open_now=&&&=&",
        "%%%",
    ],
)
def test_bad_filter_values_are_ignored(client, catalogue, query):
    response = client.get(f"/en/programmes/?{query}")
    assert response.status_code == 200
    assert len(response.context["cards"]) in (0, 1, 3)
    if "q=" not in query and "language=en" not in query:
        assert len(response.context["cards"]) == 3


def test_a_cancelled_run_is_never_the_next_run(client, catalogue):
    factories.CourseRunFactory(
        course=catalogue["evidence"],
        language="fr",
        status=RunStatus.CANCELLED,
    )
    response = client.get("/en/programmes/")
    card = next(c for c in response.context["cards"] if c.course.slug == "evidence")
    assert card.next_run is None
    assert card.languages == []
    assert _titles(client.get("/en/programmes/?language=fr")) == ["Shelter standards"]


def test_search_in_english_finds_english_courses(client, catalogue):
    response = client.get("/en/programmes/?q=shelter")
    assert _titles(response) == ["Shelter standards"]


def test_search_in_arabic_finds_arabic_courses(client, catalogue):
    response = client.get("/ar/programmes/", {"q": "الإيواء"})
    assert _titles(response) == ["معايير دور الإيواء"]
    response = client.get("/ar/programmes/", {"q": "المالي"})
    assert _titles(response) == ["التحقيق المالي في الجرائم"]
    # The topic's name is searched too.
    response = client.get("/ar/programmes/", {"q": "التحقيق"})
    assert _titles(response) == ["التحقيق المالي في الجرائم", "جمع الأدلة الرقمية"]
    # Arabic words do not find the English translations.
    assert _titles(client.get("/en/programmes/", {"q": "المالي"})) == []


def test_search_combines_with_filters(client, catalogue):
    assert _titles(client.get("/en/programmes/?q=investigation&mode=online")) == []
    assert _titles(client.get("/en/programmes/?q=investigation&topic=investigation")) == [
        "Financial investigation"
    ]


def test_filter_form_keeps_its_values_and_works_without_javascript(client, catalogue):
    html = client.get("/en/programmes/?language=fr&open_now=1").content.decode()
    assert '<form method="get"' in html
    assert '<option value="fr" selected>' in html
    assert 'name="open_now" id="id_open_now" value="1" checked' in html


def test_interface_is_translated(client, catalogue):
    html_fr = client.get("/fr/programmes/").content.decode()
    assert "Langue d&#x27;enseignement" in html_fr
    assert "Tous les thèmes" in html_fr
    html_ar = client.get("/ar/programmes/").content.decode()
    assert "لغة التدريس" in html_ar
    assert "التحقيق المالي في الجرائم" in html_ar


def test_the_cached_listing_follows_new_courses_and_runs_for_signed_in_users(client, course_index):
    client.force_login(factories.UserFactory())
    first = factories.CoursePageFactory(parent=course_index, title="Interviewing survivors")
    assert "Interviewing survivors" in client.get("/ar/programmes/").content.decode()
    factories.CoursePageFactory(parent=course_index, title="Financial investigations")
    page = client.get("/ar/programmes/").content.decode()
    assert "Financial investigations" in page
    assert page.count('class="next-run"') == 0
    factories.CourseRunFactory(course=first)
    page = client.get("/ar/programmes/").content.decode()
    assert page.count('class="card course-card"') == 2
    assert page.count('class="next-run"') == 1

"""The programme brochure PDF: titles in the chosen language, filters, bad input."""

import io

import pytest
from pypdf import PdfReader

from tests import factories

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def courses(course_indexes):
    topic_a = factories.TopicFactory(name="التحقيق", slug="investigation")
    topic_b = factories.TopicFactory(name="الحماية", slug="protection")
    factories.translate_topic(topic_a, "en", "Investigation")
    factories.translate_topic(topic_b, "en", "Protection")
    made = []
    for slug, ar, en, topic in (
        ("c1", "التحقيق المالي", "Financial investigation", topic_a),
        ("c2", "معايير الإيواء", "Shelter standards", topic_b),
    ):
        course = factories.CoursePageFactory(
            parent=course_indexes["ar"], title=ar, slug=slug, topic=topic
        )
        factories.translate_page(course, "en", title=en)
        factories.CourseRunFactory(course=course)
        made.append(course)
    return made


def test_brochure_in_english_has_each_english_title(client, courses):
    text = _text(client.get("/en/programmes/brochure.pdf"))
    assert "Financial investigation" in text
    assert "Shelter standards" in text
    assert "Training programmes" in text


def test_brochure_in_arabic_has_each_arabic_title(client, courses):
    text = _text(client.get("/ar/programmes/brochure.pdf"))
    assert "التحقيق المالي" in text
    assert "معايير الإيواء" in text


def test_brochure_limited_to_a_topic(client, courses):
    text = _text(client.get("/en/programmes/brochure.pdf?topic=protection"))
    assert "Shelter standards" in text
    assert "Financial investigation" not in text


def test_brochure_limited_to_a_year_without_runs_is_empty_but_valid(client, courses):
    text = _text(client.get("/en/programmes/brochure.pdf?year=2001"))
    assert "Financial investigation" not in text


@pytest.mark.parametrize("query", ["topic=../../etc", "year=abcd", "year=99999", "topic=%00"])
def test_brochure_ignores_bad_parameters(client, courses, query):
    text = _text(client.get(f"/en/programmes/brochure.pdf?{query}"))
    assert "Financial investigation" in text


def test_brochure_is_rendered_once_then_served_from_cache(client, courses, monkeypatch):
    from courses.views import catalogue

    calls = []
    real = catalogue.render_template_pdf

    def counting(*args, **kwargs):
        calls.append(kwargs["language"])
        return real(*args, **kwargs)

    monkeypatch.setattr(catalogue, "render_template_pdf", counting)
    client.get("/en/programmes/brochure.pdf")
    client.get("/en/programmes/brochure.pdf")
    assert calls == ["en"]
    factories.CourseRunFactory(course=courses[0])  # a new run changes the brochure
    client.get("/en/programmes/brochure.pdf")
    assert calls == ["en", "en"]

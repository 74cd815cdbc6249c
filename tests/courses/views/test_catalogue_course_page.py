"""The course page: facts, instructors, runs (ordering, seats, cancelled, past), Apply, SEO."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone, translation

import pytest
import wagtail_factories

from courses.choices import EnrollmentStatus, RunStatus
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def _run(course, days, **kwargs):
    start = TODAY + dt.timedelta(days=days)
    return factories.CourseRunFactory(
        course=course, start_date=start, end_date=start + dt.timedelta(days=2), **kwargs
    )


def _row(html, run) -> str:
    """The table row of `run` on the course page (found by its calendar link)."""
    rows = [
        row
        for row in re.findall(r'<tr class="run.*?</tr>', html, re.S)
        if str(run.public_id) in row
    ]
    assert len(rows) == 1, f"{len(rows)} rows for {run}"
    return rows[0]


def test_upcoming_runs_in_date_order_and_past_runs_apart(client, course):
    later = _run(course, 60, language="fr")
    sooner = _run(course, 20, language="en")
    past = _run(
        course,
        -40,
        status=RunStatus.FINISHED,
        enrollment_opens=timezone.now() - dt.timedelta(days=90),
        enrollment_closes=timezone.now() - dt.timedelta(days=50),
    )
    older = _run(
        course,
        -200,
        status=RunStatus.FINISHED,
        enrollment_opens=timezone.now() - dt.timedelta(days=260),
        enrollment_closes=timezone.now() - dt.timedelta(days=210),
    )
    response = client.get(course.url)
    assert response.context["upcoming_runs"] == [sooner, later]
    assert response.context["past_runs"] == [past, older]
    html = response.content.decode()
    assert html.index('id="upcoming-heading"') < html.index('id="past-heading"')


def test_seats_left_count_only_places_holding_a_seat(client, course):
    run = _run(course, 20)
    factories.EnrollmentFactory(run=run, status=EnrollmentStatus.ENROLLED)
    factories.EnrollmentFactory(run=run, status=EnrollmentStatus.ENROLLED)
    factories.EnrollmentFactory(run=run, status=EnrollmentStatus.WAITLISTED)
    response = client.get(course.url)
    (shown,) = response.context["upcoming_runs"]
    assert shown.seats_left() == run.capacity - 2
    assert f"<td>{run.capacity - 2}</td>" in response.content.decode()


def test_cancelled_run_is_shown_as_cancelled_without_apply(client, course):
    _run(course, 20, status=RunStatus.CANCELLED)
    html = client.get(course.url).content.decode()
    assert 'class="run run-cancelled"' in html
    assert "badge-bad" in html
    assert "apply-button" not in html


def test_apply_only_on_runs_open_for_enrollment(client, course):
    open_run = _run(course, 20)
    not_yet_open = _run(
        course,
        90,
        enrollment_opens=timezone.now() + dt.timedelta(days=10),
        enrollment_closes=timezone.now() + dt.timedelta(days=80),
    )
    html = client.get(course.url).content.decode()
    assert html.count("apply-button") == 1
    assert "apply-button" in _row(html, open_run)
    assert "apply-button" not in _row(html, not_yet_open)
    with translation.override("ar"):
        apply_url = reverse("courses:apply", kwargs={"run_id": open_run.public_id})
    assert f'apply-button" href="{apply_url}"' in _row(html, open_run)


def test_runs_created_on_the_arabic_course_show_on_its_translations(client, course_indexes):
    course = factories.CoursePageFactory(parent=course_indexes["ar"], title="دورة", slug="c1")
    english = factories.translate_page(course, "en", title="A course")
    run = _run(course, 15)
    response = client.get(english.url)
    assert response.context["upcoming_runs"] == [run]


def test_instructors_with_photo_rendition(client, course):
    image = wagtail_factories.ImageFactory()
    factories.CourseInstructorFactory(
        page=course, name="Karim Mansour", role="Investigator", bio="Fifteen years", photo=image
    )
    html = client.get(course.url).content.decode()
    assert "Karim Mansour" in html and "Fifteen years" in html
    assert 'class="instructor-photo"' in html
    assert re.search(
        r'<img src="[^"]+" width="\d+" height="\d+" alt="" class="instructor-photo">', html
    )


def test_course_head_has_description_og_image_and_hreflang(client, course_indexes):
    image = wagtail_factories.ImageFactory()
    course = factories.CoursePageFactory(
        parent=course_indexes["ar"], title="دورة", slug="c1", image=image, summary="ملخص عربي"
    )
    factories.translate_page(course, "en", title="A course", summary="An English summary")
    factories.translate_page(course, "fr", title="Un cours", summary="Un résumé en français")
    html = client.get("/fr/programmes/c1/").content.decode()
    assert "<title>Un cours" in html
    assert '<meta name="description" content="Un résumé en français">' in html
    assert '<meta property="og:image" content="http://testserver/' in html
    for code in ("ar", "en", "fr"):
        assert f'hreflang="{code}" href="http://localhost/{code}/programmes/c1/"' in html


def test_sitemap_lists_every_language_with_alternates(client, course_indexes):
    factories.translate_page(
        factories.CoursePageFactory(parent=course_indexes["ar"], title="دورة", slug="c1"),
        "en",
        title="A course",
    )
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://localhost/ar/programmes/c1/</loc>" in xml
    assert "<loc>http://localhost/en/programmes/c1/</loc>" in xml
    assert "<loc>http://localhost/fr/programmes/</loc>" in xml
    assert 'hreflang="en" href="http://localhost/en/programmes/c1/"' in xml
    assert 'hreflang="ar" href="http://localhost/ar/programmes/c1/"' in xml

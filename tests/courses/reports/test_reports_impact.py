"""The public impact page: figures, suppression, no names, languages, cache and query budget."""

import datetime as dt

import pytest

from courses.choices import EnrollmentStatus
from courses.reports import impact
from courses.services.enrollment import change_status
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def impact_pages(home_pages, locales):
    page = factories.ImpactPageFactory(parent=home_pages["ar"])
    pages = {"ar": page}
    for code, title in (("en", "Our impact"), ("fr", "Notre impact")):
        translated = page.copy_for_translation(locales[code])
        translated.title = title
        translated.save_revision().publish()
        pages[code] = translated
    return pages


def completed_cohort(course, *, size, country, year=2025):
    run = factories.CourseRunFactory(
        course=course, start_date=dt.date(year, 4, 1), end_date=dt.date(year, 4, 3)
    )
    for _ in range(size):
        trainee = factories.TraineeFactory(profile__country=country)
        factories.EnrollmentFactory(run=run, user=trainee, status=EnrollmentStatus.COMPLETED)
    return run


def test_small_figures_are_suppressed_and_no_name_appears(client, impact_pages, report_data):
    response = client.get("/en/impact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "fewer than 5" in html
    figures = response.context["figures"]
    assert figures["officials"].suppressed  # three officials completed
    assert figures["countries"] == 2
    assert figures["courses"] == 2
    assert figures["completion_rate"] == 71  # 5 of 7 results known
    for user in report_data["people"].values():
        profile = user.trainee_profile
        assert profile.name_latin not in html
        assert user.username not in html
        assert user.email not in html


def test_figures_by_country_and_year(client, impact_pages, course):
    completed_cohort(course, size=6, country="JO", year=2025)
    completed_cohort(course, size=5, country="EG", year=2026)
    completed_cohort(course, size=2, country="MA", year=2026)
    response = client.get("/en/impact/")
    figures = response.context["figures"]
    assert figures["officials"].value == 13
    assert figures["hours"].value == 13 * 24
    assert figures["countries"] == 3
    countries = [(row["label"], row["shown"].value) for row in figures["by_country"]]
    # Morocco's 2 are hidden, and Egypt's 5 with them: 13 - 6 - 5 would give Morocco away.
    assert countries == [("Jordan", 6), ("Egypt", None), ("Morocco", None)]
    years = [(row["label"], row["shown"].value) for row in figures["by_year"]]
    assert years == [("2025", 6), ("2026", 7)]
    html = response.content.decode()
    assert "Jordan" in html and "Morocco" in html


@pytest.mark.parametrize(
    ("language", "direction", "heading"),
    [("ar", "rtl", "المسؤولون الذين تم تدريبهم"), ("en", "ltr", "Officials trained"),
     ("fr", "ltr", "Agents publics formés")],
)  # fmt: skip
def test_three_languages(client, impact_pages, course, language, direction, heading):
    completed_cohort(course, size=5, country="JO")
    response = client.get(f"/{language}/impact/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'dir="{direction}"' in html
    assert heading in html


def test_figures_cost_three_queries_and_none_once_cached(
    client, impact_pages, course, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # measure the page's render, not the whole-page cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    completed_cohort(course, size=5, country="JO")
    with django_assert_max_num_queries(3):
        impact.figures_for("en")
    with django_assert_max_num_queries(0):
        impact.figures_for("en")

    client.get("/en/impact/")  # warm the site's own caches (site root, settings)
    impact.invalidate()
    with CaptureQueriesContext(connection) as fresh:
        assert client.get("/en/impact/").status_code == 200
    with CaptureQueriesContext(connection) as cached:
        assert client.get("/en/impact/").status_code == 200
    sql = " ".join(query["sql"] for query in cached.captured_queries)
    assert "courses_enrollment" not in sql
    assert len(fresh) - len(cached) <= 3
    # The same with ten times the data: the page's cost does not grow.
    for country in ("EG", "MA", "TN", "LB", "IQ", "SA", "QA", "OM", "KW"):
        completed_cohort(course, size=5, country=country)
    impact.invalidate()
    with CaptureQueriesContext(connection) as larger:
        assert client.get("/en/impact/").status_code == 200
    assert len(larger) == len(fresh)


def test_figures_are_refreshed_when_an_enrollment_changes_state(
    client, impact_pages, course, staff_user, django_capture_on_commit_callbacks
):
    run = completed_cohort(course, size=5, country="JO")
    assert client.get("/en/impact/").context["figures"]["officials"].value == 5
    late = factories.EnrollmentFactory(
        run=run, user=factories.TraineeFactory(), status=EnrollmentStatus.ENROLLED
    )
    with django_capture_on_commit_callbacks(execute=True):
        late.status = EnrollmentStatus.ENROLLED
        late.save()
    # Marking completion through the workflow clears every language's cached figures.
    assert client.get("/fr/impact/").context["figures"]["officials"].value == 5
    with django_capture_on_commit_callbacks(execute=True):
        change_status(enrollment=late, to=EnrollmentStatus.COMPLETED, by=staff_user)
    assert client.get("/en/impact/").context["figures"]["officials"].value == 6
    assert client.get("/fr/impact/").context["figures"]["officials"].value == 6


def test_impact_page_is_in_the_menu(client, impact_pages):
    html = client.get("/en/").content.decode()
    assert "/en/impact/" in html


def test_demo_seed_creates_the_page_in_three_languages_once(home_pages):
    from courses.demo import reports
    from courses.models import ImpactPage

    reports.seed()
    reports.seed()
    pages = ImpactPage.objects.all()
    assert sorted(p.locale.language_code for p in pages) == ["ar", "en", "fr"]
    assert len({p.translation_key for p in pages}) == 1
    assert all(p.live and p.show_in_menus for p in pages)

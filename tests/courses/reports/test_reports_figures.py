"""Report figures against hand-computed expectations (see the `report_data` fixture)."""

import datetime as dt

import pytest

from courses.models import Enrollment
from courses.reports.filters import ReportFilters, apply_filters
from courses.reports.measures import report_rows, totals

pytestmark = pytest.mark.django_db

FIGURES = ("applications", "participants", "trainees", "completed", "not_completed")


def figures(row):
    return tuple(row[key] for key in FIGURES)


def by_label(rows):
    return {row["label"]: row for row in rows}


def test_totals(report_data):
    row = totals(Enrollment.objects.all())
    assert figures(row) == (10, 8, 5, 5, 2)
    assert row["completion_rate"] == 71.4
    assert row["training_hours"] == 92


def test_by_run(report_data):
    rows = {row["run_public_id"]: row for row in report_rows(Enrollment.objects.all(), "run")}
    runs = report_data["runs"]
    assert figures(rows[runs["r2025"].public_id]) == (4, 3, 3, 2, 1)
    assert rows[runs["r2025"].public_id]["completion_rate"] == 66.7
    assert rows[runs["r2025"].public_id]["training_hours"] == 48
    assert figures(rows[runs["r2026"].public_id]) == (3, 2, 2, 1, 0)
    assert rows[runs["r2026"].public_id]["completion_rate"] == 100.0
    assert figures(rows[runs["r2026b"].public_id]) == (3, 3, 3, 2, 1)


def test_by_course_merges_translations_and_names_them_in_the_language(report_data):
    from django.utils import translation

    with translation.override("en"):
        rows = by_label(report_rows(Enrollment.objects.all(), "course"))
    assert figures(rows["Identifying victims"]) == (7, 5, 3, 3, 1)
    assert rows["Identifying victims"]["completion_rate"] == 75.0
    assert rows["Identifying victims"]["training_hours"] == 72
    # No English translation of the second course: its Arabic title is shown.
    assert figures(rows["الملاحقة"]) == (3, 3, 3, 2, 1)


def test_by_topic(report_data):
    from django.utils import translation

    with translation.override("en"):
        rows = by_label(report_rows(Enrollment.objects.all(), "topic"))
    assert set(rows) == {"Victim identification", "الملاحقة القضائية"}
    assert figures(rows["Victim identification"]) == (7, 5, 3, 3, 1)


def test_by_country(report_data):
    from django.utils import translation

    with translation.override("en"):
        rows = by_label(report_rows(Enrollment.objects.all(), "country"))
    assert figures(rows["Jordan"]) == (4, 4, 2, 4, 0)
    assert rows["Jordan"]["completion_rate"] == 100.0
    assert rows["Jordan"]["training_hours"] == 82
    assert figures(rows["Egypt"]) == (4, 3, 2, 1, 1)
    assert figures(rows["Morocco"]) == (2, 1, 1, 0, 1)
    assert rows["Morocco"]["completion_rate"] == 0.0


def test_by_year_sex_and_organisation_type(report_data):
    from django.utils import translation

    with translation.override("en"):
        years = by_label(report_rows(Enrollment.objects.all(), "year"))
        sexes = by_label(report_rows(Enrollment.objects.all(), "sex"))
        kinds = by_label(report_rows(Enrollment.objects.all(), "organisation_type"))
    assert figures(years["2025"]) == (4, 3, 3, 2, 1)
    assert figures(years["2026"]) == (6, 5, 5, 3, 1)
    assert figures(sexes["Female"]) == (4, 3, 2, 2, 1)
    assert figures(sexes["Male"]) == (4, 4, 2, 2, 1)
    assert figures(sexes["Not stated"]) == (2, 1, 1, 1, 0)
    assert figures(kinds["Police"]) == (6, 5, 3, 3, 1)
    assert figures(kinds["Prosecution"]) == (2, 2, 1, 2, 0)
    assert figures(kinds["Non-governmental organisation"]) == (2, 1, 1, 0, 1)


def test_filters(report_data):
    everything = Enrollment.objects.all()
    _t1, t2 = report_data["topics"]
    c1 = report_data["courses"]["c1"]
    assert totals(apply_filters(everything, ReportFilters(year=2026)))["applications"] == 6
    assert figures(
        totals(apply_filters(everything, ReportFilters(topic_key=str(t2.translation_key))))
    ) == (3, 3, 3, 2, 1)
    assert (
        totals(apply_filters(everything, ReportFilters(course_key=str(c1.translation_key))))[
            "applications"
        ]
        == 7
    )
    assert totals(apply_filters(everything, ReportFilters(country="EG")))["applications"] == 4
    police_2026 = ReportFilters(organisation_type="police", date_from=dt.date(2026, 1, 1))
    row = totals(apply_filters(everything, police_2026))
    assert (row["applications"], row["completed"]) == (4, 2)
    period = ReportFilters(date_from=dt.date(2025, 1, 1), date_to=dt.date(2025, 12, 31))
    assert totals(apply_filters(everything, period))["applications"] == 4


def test_inverted_range_and_empty_results_give_empty_figures(report_data):
    inverted = ReportFilters(date_from=dt.date(2026, 1, 1), date_to=dt.date(2025, 1, 1))
    row = totals(apply_filters(Enrollment.objects.all(), inverted))
    assert row["applications"] == 0
    assert row["completion_rate"] is None
    huge = ReportFilters(date_from=dt.date(1, 1, 1), date_to=dt.date(9999, 12, 31))
    assert totals(apply_filters(Enrollment.objects.all(), huge))["applications"] == 10
    assert (
        report_rows(apply_filters(Enrollment.objects.all(), ReportFilters(year=1999)), "run") == []
    )


@pytest.mark.parametrize(
    "dimension", ["run", "course", "topic", "country", "organisation_type", "sex", "year"]
)
def test_each_report_table_is_one_query(report_data, django_assert_num_queries, dimension):
    with django_assert_num_queries(1):
        rows = report_rows(Enrollment.objects.all(), dimension)
    assert sum(row["applications"] for row in rows) == 10
    with django_assert_num_queries(1):
        totals(Enrollment.objects.all())


def test_scopes(report_data):
    from courses.reports.scope import ReportScope, scope_for_user
    from tests import factories

    assert totals(ReportScope.for_country("JO").enrollments())["applications"] == 4
    assert totals(ReportScope.for_country("XX").enrollments())["applications"] == 0
    teacher = factories.make_instructor(report_data["courses"]["c1"])
    assert scope_for_user(teacher).kind == "instructor"
    assert totals(scope_for_user(teacher).enrollments())["applications"] == 7
    staff = factories.StaffFactory()
    assert scope_for_user(staff) is None  # staff without two-factor: no staff powers
    factories.TOTPAuthenticatorFactory(user=staff)
    staff = type(staff).objects.get(pk=staff.pk)  # the next request's user object
    assert scope_for_user(staff).kind == "all"
    assert scope_for_user(report_data["people"]["jo_f"]) is None


def test_a_registered_column_joins_the_same_query(report_data, django_assert_num_queries):
    """How certificates, attendance and test gains plug in: one registry entry each."""
    from django.db.models import Count, Q

    from courses.reports import columns

    column = columns.ReportColumn(
        "withdrawn",
        "Withdrawn",
        55,
        aggregate=lambda: Count("pk", filter=Q(status="withdrawn")),
        dimensions=frozenset({"run"}),
    )
    share = columns.ReportColumn(
        "withdrawn_share",
        "Withdrawn (%)",
        56,
        compute=lambda row: round(100 * row["withdrawn"] / row["applications"]),
        dimensions=frozenset({"run"}),
        is_rate=True,
    )
    columns.register_column(column)
    columns.register_column(share)
    try:
        with django_assert_num_queries(1):
            rows = report_rows(Enrollment.objects.all(), "run")
        first = {r["run_public_id"]: r for r in rows}[report_data["runs"]["r2025"].public_id]
        assert (first["withdrawn"], first["withdrawn_share"]) == (1, 25)
        assert "withdrawn" not in report_rows(Enrollment.objects.all(), "country")[0]
        assert "withdrawn" not in totals(Enrollment.objects.all())
    finally:
        columns.COLUMNS.pop("withdrawn")
        columns.COLUMNS.pop("withdrawn_share")


def test_dashboard_figures(report_data, django_assert_num_queries):
    from django.utils import timezone, translation

    from courses.reports import dashboard

    late = Enrollment.objects.get(run=report_data["runs"]["r2026"], status="completed")
    late.completed_at = timezone.make_aware(dt.datetime(2026, 3, 15, 10))
    late.save()
    everything = Enrollment.objects.all()
    with django_assert_num_queries(3), translation.override("en"):
        summary = dashboard.year_summary(everything, 2026)
        countries = dashboard.trainees_per_country(everything, 2026)
        months = dashboard.completions_per_month(everything, 2026)
    assert (summary["participants"], summary["trainees"], summary["countries"]) == (5, 5, 3)
    assert summary["completed"] == 3
    assert [(c["name"], c["count"], c["width"]) for c in countries] == [
        ("Egypt", 2, 100.0),
        ("Jordan", 2, 100.0),
        ("Morocco", 1, 50.0),
    ]
    # Completion date when known (March), else the run's end (May).
    assert [m["count"] for m in months] == [0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0]
    assert months[4]["height"] == 100.0

"""Admin reports: permissions, export content, bad filters and query budgets."""

import csv
import io

import pytest
from openpyxl import load_workbook

from courses.reports.suppression import Hidden
from tests import factories
from training_site.core.roles import ensure_groups

pytestmark = pytest.mark.django_db

URL = "/admin/training-reports/{}/"


def with_totp(user):
    factories.TOTPAuthenticatorFactory(user=user)
    return user


@pytest.fixture
def staff_client(client, mfa_staff_user):
    client.force_login(mfa_staff_user)
    return client


def instructor_of(page):
    return factories.make_instructor(page, with_totp(factories.UserFactory()))


def read_csv(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize(
    "dimension", ["run", "course", "topic", "country", "organisation_type", "sex", "year"]
)
def test_staff_sees_every_report(staff_client, report_data, dimension):
    response = staff_client.get(URL.format(dimension))
    assert response.status_code == 200
    assert response.context["totals"]["applications"] == 10


def test_country_report_shows_rows_and_totals(staff_client, report_data):
    response = staff_client.get(URL.format("country"), {"year": 2026}, HTTP_ACCEPT_LANGUAGE="en")
    rows = {row["value"]: row for row in response.context["object_list"]}
    assert rows["JO"]["completed"] == 2
    assert rows["EG"]["applications"] == 3
    assert response.context["totals"]["applications"] == 6
    html = response.content.decode()
    assert "report-totals" in html
    assert "Jordan" in html and "Egypt" in html
    assert "100.0 %" in html  # Jordan: 2 of 2 results are completions
    assert "3 rows" in html


def test_csv_export(staff_client, report_data):
    response = staff_client.get(URL.format("year"), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert len(rows) == 4  # heading, 2026, 2025, totals
    heading, first, second, total = rows
    assert first[:6] == ["2026", "6", "5", "5", "3", "1"]
    assert second[:6] == ["2025", "4", "3", "3", "2", "1"]
    assert total[1:6] == ["10", "8", "5", "5", "2"]
    assert heading[0] != "label"


def test_xlsx_export(staff_client, report_data):
    response = staff_client.get(URL.format("run"), {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    heading = rows[0]
    assert len(rows) == 5  # heading, three runs, totals
    index = {name: position for position, name in enumerate(heading)}
    newest = rows[1]  # runs newest first
    assert str(newest[index[str(heading[1])]]).startswith("2026-05-05")
    applications = heading[3]
    rate = heading[8]
    assert [row[3] for row in rows[1:4]] == [3, 3, 4]
    assert rows[-1][3] == 10
    assert [row[8] for row in rows[1:4]] == [66.7, 100.0, 66.7]
    assert applications and rate


def test_filtered_export_keeps_filters(staff_client, report_data):
    rows = read_csv(staff_client.get(URL.format("country"), {"export": "csv", "country": "MA"}))
    assert len(rows) == 3
    assert rows[1][1:6] == ["2", "1", "1", "0", "1"]


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "99999"},
        {"country": "XX"},
        {"organisation_type": "spies"},
        {"topic": "not-a-topic"},
        {"course": "00000000-0000-0000-0000-000000000000"},
        {"date_from": "2026-13-45"},
        {"date_from": "2026-06-01", "date_to": "2025-06-01"},
    ],
)
def test_bad_filters_give_a_message_and_no_figures(staff_client, report_data, params):
    response = staff_client.get(URL.format("run"), params)
    assert response.status_code == 200
    assert list(response.context["object_list"]) == []
    assert response.context["filter_errors"]
    assert "report-errors" in response.content.decode()
    export = staff_client.get(URL.format("run"), {**params, "export": "csv"})
    assert export.status_code == 200
    assert len(read_csv(export)) == 1  # the heading only


def test_inverted_dates_are_explained(staff_client, report_data):
    response = staff_client.get(
        URL.format("year"),
        {"date_from": "2026-06-01", "date_to": "2025-06-01"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert "The period starts after it ends" in response.content.decode()


def test_huge_range_is_fine(staff_client, report_data):
    response = staff_client.get(
        URL.format("year"), {"date_from": "0001-01-01", "date_to": "9999-12-31"}
    )
    assert response.status_code == 200
    assert response.context["totals"]["applications"] == 10


def test_instructor_sees_only_their_runs_across_translations(client, report_data):
    # Linked on the English translation of course c1: sees its runs on both translations.
    instructor = instructor_of(report_data["courses"]["c1_en"])
    client.force_login(instructor)
    response = client.get(URL.format("run"))
    assert response.status_code == 200
    seen = {row["run_public_id"] for row in response.context["object_list"]}
    runs = report_data["runs"]
    assert seen == {runs["r2025"].public_id, runs["r2026"].public_id}
    assert response.context["totals"]["applications"] == 7
    rows = read_csv(client.get(URL.format("country"), {"export": "csv"}))
    assert rows[-1][1] == "7"


def test_instructor_of_another_course_sees_nothing_of_this_one(client, report_data):
    c2 = report_data["courses"]["c2"]
    instructor = instructor_of(c2)
    client.force_login(instructor)
    response = client.get(URL.format("course"))
    assert [row["value"] for row in response.context["object_list"]] == [c2.translation_key]
    # Three applications: fewer than 5, so an instructor sees them hidden (small-count rule).
    assert isinstance(response.context["totals"]["applications"], Hidden)


@pytest.mark.parametrize("role", ["instructor_without_course", "trainee"])
def test_others_are_refused(client, report_data, role):
    user = with_totp(factories.TraineeFactory())
    if role == "instructor_without_course":
        user.groups.add(ensure_groups()["instructors"])
    client.force_login(user)
    response = client.get(URL.format("country"))
    assert response.status_code in (302, 403)
    assert "totals" not in (response.context or {})
    export = client.get(URL.format("country"), {"export": "csv"})
    assert export.status_code in (302, 403)
    assert not export.has_header("Content-Disposition")


def test_anonymous_is_sent_to_log_in(client, report_data):
    response = client.get(URL.format("country"), {"export": "xlsx"})
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_menu_and_dashboard_for_staff(staff_client, report_data):
    response = staff_client.get("/admin/")
    html = response.content.decode()
    assert "training-figures" in html
    assert "training-reports" in html


def test_dashboard_hidden_from_instructor_without_course(client, report_data):
    user = with_totp(factories.UserFactory())
    user.groups.add(ensure_groups()["instructors"])
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "training-figures" not in html
    assert "training-reports" not in html


def _more_data(report_data, runs=6, per_run=5):
    course = report_data["courses"]["c2"]
    for index in range(runs):
        run = factories.CourseRunFactory(course=course)
        for person in range(per_run):
            user = factories.UserFactory(username=f"extra{index}-{person}")
            factories.TraineeProfileFactory(user=user, country=["LB", "TN", "IQ"][person % 3])
            factories.EnrollmentFactory(run=run, user=user, status="completed")


@pytest.mark.parametrize("dimension", ["run", "country", "course"])
def test_query_count_is_flat_as_data_grows(staff_client, report_data, dimension):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(params):
        with CaptureQueriesContext(connection) as queries:
            assert staff_client.get(URL.format(dimension), params).status_code == 200
        return len(queries)

    count({"year": 2026})  # warm the caches every admin page shares (permissions, menus)
    small = count({"year": 2026}), count({"export": "xlsx"})
    _more_data(report_data)
    large = count({"year": 2026}), count({"export": "xlsx"})
    assert small == large
    assert large[0] <= 20


def test_dashboard_query_count_is_flat(staff_client, report_data):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff_client.get("/admin/")  # warm the caches every admin page shares
    with CaptureQueriesContext(connection) as small:
        staff_client.get("/admin/")
    _more_data(report_data)
    with CaptureQueriesContext(connection) as large:
        staff_client.get("/admin/")
    assert len(small) == len(large)

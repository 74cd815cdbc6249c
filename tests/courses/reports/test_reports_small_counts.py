"""The small-count rule on every report a non-staff role sees, on screen and in exports.

Focal points and instructors see figures about people as the public impact page does: counts
from 1 to 4 as "fewer than 5", with complementary suppression, and averages and rates over so
few people hidden. Staff see every figure. Figures that are not about people (training hours,
sessions) are shown to everyone as they are.
"""

import csv
import io

from django.urls import reverse
from django.utils import timezone

import pytest
from openpyxl import load_workbook

from certificates.services import issue_certificate
from courses.choices import AssessmentKind, EnrollmentStatus
from courses.reports.columns import COLUMNS, columns_for
from courses.reports.dimensions import DIMENSIONS
from courses.reports.suppression import Hidden
from courses.services.nominations import appoint_focal_point
from tests import factories

pytestmark = pytest.mark.django_db


def totp(user):
    factories.TOTPAuthenticatorFactory(user=user)
    return user


def attempt(enrollment, assessment, score):
    factories.AttemptFactory(enrollment=enrollment, assessment=assessment, score=score)


@pytest.fixture
def small_run(course_index, private_storage, fake_certificate_pdf, mfa_staff_user):
    """One run of a 72-hour course with two trainees from Jordan: one completed with a
    certificate, one not; both took both tests and came to sessions. Every figure about people
    is between 1 and 4."""
    course = factories.CoursePageFactory(parent=course_index, hours=72)
    run = factories.CourseRunFactory(
        course=course,
        certificate_template=factories.CertificateTemplateFactory(),
        start_date=timezone.localdate(),  # this year's figures: the admin dashboard's panel
    )
    pre = factories.AssessmentPageFactory(parent=course, kind=AssessmentKind.PRE_TEST)
    post = factories.AssessmentPageFactory(parent=course, kind=AssessmentKind.POST_TEST)
    sessions = [factories.SessionFactory(run=run) for _ in range(2)]
    results = []
    for status, scores, attended in (
        (EnrollmentStatus.COMPLETED, (40, 80), 2),
        (EnrollmentStatus.NOT_COMPLETED, (60, 50), 1),
    ):
        trainee = factories.TraineeFactory(profile__country="JO")
        enrollment = factories.EnrollmentFactory(
            run=run, user=trainee, status=status, completed_at=timezone.now()
        )
        attempt(enrollment, pre, scores[0])
        attempt(enrollment, post, scores[1])
        for session in sessions[:attended]:
            factories.AttendanceFactory(session=session, enrollment=enrollment)
        results.append(enrollment)
    issue_certificate(enrollment=results[0], by=mfa_staff_user)
    focal_point = totp(factories.UserFactory())
    appoint_focal_point(user=focal_point, country="JO", by=None)
    instructor = totp(factories.make_instructor(course))
    factories.CourseInstructorFactory(page=course, name="Karim Mansour")
    return {
        "run": run,
        "staff": mfa_staff_user,
        "focal_point": focal_point,
        "instructor": instructor,
    }


def report(client, user, dimension, **params):
    client.force_login(user)
    return client.get(reverse(f"course_reports:{dimension}"), params)


def export_rows(response, export_format):
    body = b"".join(response.streaming_content)
    if export_format == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    return [list(row) for row in load_workbook(io.BytesIO(body)).active.iter_rows(values_only=True)]


def test_a_focal_point_does_not_see_the_results_of_their_countrys_lone_trainees(
    client, small_run, settings
):
    """The hole: the run report gave the pre-test average and attendance of one or two people."""
    settings.LANGUAGE_CODE = "en"
    html = report(client, small_run["focal_point"], "run").content.decode()
    assert "fewer than 5" in html
    assert "50.0 %" not in html and "75.0 %" not in html  # pre-test average, attendance rate
    for export_format in ("csv", "xlsx"):
        heading, row, total = export_rows(
            report(client, small_run["focal_point"], "run", export=export_format), export_format
        )
        figures = dict(zip(heading, row, strict=True))
        for label in ("Pre-test average (%)", "Attendance rate (%)", "Sessions attended"):
            assert figures[label] == "hidden: fewer than 5 people", (export_format, label)
        assert figures["Participants"] == "fewer than 5"
        assert dict(zip(heading, total, strict=True))["Participants"] == "fewer than 5"
        assert figures["Training hours completed"] in (72, "72")  # not about people
        assert figures["Sessions"] in (2, "2")


def people_columns(dimension):
    return [c for c in columns_for(dimension) if c.about_people]


def test_every_report_column_says_whether_it_is_about_people():
    """New columns count people unless they say otherwise: the safe default."""
    exact = {key for key, column in COLUMNS.items() if not column.about_people}
    assert exact == {"training_hours", "sessions"}
    for column in COLUMNS.values():
        assert all(base in COLUMNS and COLUMNS[base].counts_people for base in column.over)


@pytest.mark.parametrize("role", ["focal_point", "instructor"])
def test_every_figure_about_people_is_hidden_from_non_staff_below_the_threshold(
    client, small_run, role
):
    tables = []
    for dimension in DIMENSIONS:
        response = report(client, small_run[role], dimension)
        staff = report(client, small_run["staff"], dimension)
        (row,) = response.context["object_list"]
        (staff_row,) = staff.context["object_list"]
        tables.append((dimension, row, staff_row, columns_for(dimension)))
        totals = response.context["totals"], staff.context["totals"]
        tables.append((dimension, *totals, columns_for(None)))
    for dimension, seen, truth, columns in tables:
        for column in columns:
            if column.about_people:
                assert isinstance(seen[column.key], Hidden), (dimension, column.key)
                assert truth[column.key] not in (None, 0) and not isinstance(
                    truth[column.key], Hidden
                ), (dimension, column.key, "staff see the figure")
            else:
                assert seen[column.key] == truth[column.key], column.key
    assert tables[-1][2]["training_hours"] == 72


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("role", ["focal_point", "instructor"])
def test_exports_hide_the_same_figures(client, small_run, settings, role, export_format):
    settings.LANGUAGE_CODE = "en"
    for dimension in DIMENSIONS:
        heading, *rows = export_rows(
            report(client, small_run[role], dimension, export=export_format), export_format
        )
        people = {str(column.label) for column in people_columns(dimension)}
        for row in rows:
            for label, value in zip(heading, row, strict=True):
                if label in people and value not in (None, ""):
                    assert str(value).startswith(("fewer than 5", "hidden")), (label, value)


def test_staff_export_every_figure(client, small_run, settings):
    settings.LANGUAGE_CODE = "en"
    heading, row, _total = export_rows(
        report(client, small_run["staff"], "run", export="xlsx"), "xlsx"
    )
    figures = dict(zip(heading, row, strict=True))
    assert figures["Pre-test average (%)"] == 50
    assert figures["Attendance rate (%)"] == 75
    assert figures["Participants"] == 2


def test_a_hidden_count_is_not_given_away_by_the_total(client, course_index, focal_point_user):
    """Two runs, five trainees and three: the total (8) would give the three away."""
    runs = []
    for size in (5, 3):
        run = factories.CourseRunFactory(course=factories.CoursePageFactory(parent=course_index))
        for _ in range(size):
            factories.EnrollmentFactory(
                run=run, user=factories.TraineeFactory(profile__country="JO")
            )
        runs.append(run)
    response = report(client, focal_point_user, "run")
    rows = {row["run_pk"]: row for row in response.context["object_list"]}
    assert response.context["totals"]["applications"] == 8
    assert isinstance(rows[runs[1].pk]["applications"], Hidden)
    assert isinstance(rows[runs[0].pk]["applications"], Hidden)  # complementary


@pytest.fixture
def focal_point_user(db):
    user = totp(factories.UserFactory())
    appoint_focal_point(user=user, country="JO", by=None)
    return user


def test_the_dashboard_panel_follows_the_rule(client, small_run, settings):
    settings.LANGUAGE_CODE = "en"
    client.force_login(small_run["focal_point"])
    panel = client.get("/admin/").context["panels"]
    (figures,) = [p for p in panel if p.name == "training_figures"]
    context = figures.get_context_data({})
    summary = context["summary"]
    for key in ("participants", "trainees", "completed"):
        assert isinstance(summary[key], Hidden), key
    assert isinstance(summary["completion_rate"], Hidden)
    assert summary["training_hours"] == 72
    ((country,),) = [[row["count"] for row in context["per_country"]]]
    assert isinstance(country, Hidden)
    assert all(
        month["count"] == 0 or isinstance(month["count"], Hidden) for month in context["per_month"]
    )
    assert any(isinstance(month["count"], Hidden) for month in context["per_month"])
    html = client.get("/admin/").content.decode()
    assert "fewer than 5" in html
    client.force_login(small_run["staff"])
    html = client.get("/admin/").content.decode()
    assert "fewer than 5" not in html

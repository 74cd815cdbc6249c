"""Invitation letters: who may download them, what they print, the public confirmation page."""

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from courses.choices import DeliveryMode, EnrollmentStatus, RunStatus
from courses.models import InvitationLetter
from courses.services import nominations as services
from courses.services.enrollment import withdraw
from tests import factories
from tests.courses.views.nominations_http import url

pytestmark = pytest.mark.django_db

# --- invitation letters ----------------------------------------------------------------------


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def admitted(run):
    enrollment = factories.EnrollmentFactory(run=run, user__profile__name_latin="Omar Al-Farouk")
    return enrollment


def test_the_holder_downloads_a_letter_with_passport_name_dates_and_reference(client, admitted):
    client.force_login(admitted.user)
    response = client.get(url("courses:invitation_letter", admitted.public_id))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    run = admitted.run
    letter = InvitationLetter.objects.get(enrollment=admitted)
    assert "Omar Al-Farouk" in text
    assert run.start_date.strftime("%Y") in text
    assert f"{run.start_date.day} {run.start_date:%B}" in text
    assert letter.code in text
    assert "Jordan" in text and "الأردن" in text
    assert "Training Centre, Hall A" in text
    # the same letter (and reference) on a second download
    client.get(url("courses:invitation_letter", admitted.public_id))
    assert InvitationLetter.objects.get().code == letter.code


def test_staff_may_download_the_letter(client, admitted, mfa_staff_user):
    client.force_login(mfa_staff_user)
    assert client.get(url("courses:invitation_letter", admitted.public_id)).status_code == 200


def test_nobody_else_may_download_the_letter(client, admitted, trainee):
    client.force_login(trainee)
    assert client.get(url("courses:invitation_letter", admitted.public_id)).status_code == 404
    client.logout()
    assert client.get(url("courses:invitation_letter", admitted.public_id)).status_code == 302


@pytest.mark.parametrize(
    ("status", "mode"),
    [
        (EnrollmentStatus.PENDING, DeliveryMode.IN_PERSON),
        (EnrollmentStatus.ENROLLED, DeliveryMode.ONLINE),
    ],
)
def test_no_letter_without_an_in_person_place(client, run, status, mode):
    run.delivery_mode = mode
    run.save()
    enrollment = factories.EnrollmentFactory(run=run, status=status)
    client.force_login(enrollment.user)
    assert client.get(url("courses:invitation_letter", enrollment.public_id)).status_code == 404


def test_a_hostile_name_is_printed_as_text_in_the_letter(client, run):
    enrollment = factories.EnrollmentFactory(run=run, user__profile__name_latin="<b>Omar</b> <i>X")
    client.force_login(enrollment.user)
    text = pdf_text(client.get(url("courses:invitation_letter", enrollment.public_id)).content)
    assert "<b>Omar</b> <i>X" in text


def test_the_public_confirmation_page_shows_name_run_and_dates_only(client, admitted):
    letter = services.issue_letter(enrollment=admitted)
    response = client.get(url("courses:letter_confirm", letter.code.lower()))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Omar Al-Farouk" in html and admitted.run.course.title in html
    assert admitted.user.email not in html
    assert "Public Security Directorate" not in html
    assert client.get(url("courses:letter_confirm", "ABCD-EFGH-JKMN")).status_code == 404


# --- the check page tells the letter's live status (issue 15, hole 9) ---------------------------


def check_page(client, letter, lang="en"):
    return client.get(url("courses:letter_confirm", letter.code, lang=lang))


def test_a_withdrawal_ends_the_letter(client, admitted):
    letter = services.issue_letter(enrollment=admitted)
    assert "It is valid." in check_page(client, letter).content.decode()
    withdraw(enrollment=admitted, by=admitted.user)
    html = check_page(client, letter).content.decode()
    assert "is no longer valid" in html
    assert "The trainee withdrew from the course run" in html
    assert "It is valid." not in html


def test_a_cancelled_run_ends_the_letter(client, admitted):
    letter = services.issue_letter(enrollment=admitted)
    admitted.run.status = RunStatus.CANCELLED
    admitted.run.save()
    html = check_page(client, letter).content.decode()
    assert "is no longer valid" in html and "The course run was cancelled" in html


def test_a_rescheduled_run_shows_the_new_dates_and_the_stated_ones(client, admitted):
    letter = services.issue_letter(enrollment=admitted)
    run = admitted.run
    stated = run.start_date
    run.start_date, run.end_date = dt.date(2031, 10, 5), dt.date(2031, 10, 9)
    run.save()
    services.issue_letter(enrollment=admitted)  # downloading again keeps the stated dates
    html = check_page(client, letter).content.decode()
    assert "The course run was rescheduled" in html
    assert "5 October 2031" in html and "9 October 2031" in html
    assert f"{stated.day} {stated:%B %Y}" in html


@pytest.mark.parametrize(
    ("lang", "valid", "withdrawn"),
    [
        ("ar", "وهي صالحة", "انسحب المتدرّب من الدورة التدريبية"),
        ("en", "It is valid.", "The trainee withdrew from the course run"),
        ("fr", "Elle est valable.", "Le stagiaire s’est retiré de la session"),
    ],
)
def test_the_status_in_three_languages(client, admitted, lang, valid, withdrawn):
    letter = services.issue_letter(enrollment=admitted)
    assert valid in check_page(client, letter, lang).content.decode()
    withdraw(enrollment=admitted, by=admitted.user)
    assert withdrawn in check_page(client, letter, lang).content.decode()


def test_the_check_is_throttled_like_certificate_verification(client, admitted, settings):
    settings.CERTIFICATE_VERIFY_LIMIT = 3
    letter = services.issue_letter(enrollment=admitted)
    for _attempt in range(3):
        assert check_page(client, letter).status_code == 200
    response = check_page(client, letter)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many checks" in html and letter.name_latin not in html
    # Guessing codes counts as well: an unknown code is answered 429 once over the limit.
    assert client.get(url("courses:letter_confirm", "ABCD-EFGH-JKMN")).status_code == 429
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]

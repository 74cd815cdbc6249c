"""Invitation letters: who may download them, what they print, the public confirmation page."""

import io

import pytest
from pypdf import PdfReader

from courses.choices import DeliveryMode, EnrollmentStatus
from courses.models import InvitationLetter
from courses.services import nominations as services
from tests import factories
from tests.courses.nominations_http import url

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

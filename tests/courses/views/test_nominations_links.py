"""The nominee's link: signing in or up, accepting, declining, refusals; and a nomination the
admin cancelled, as the nominee sees it."""

from django.core import mail
from django.urls import reverse

import pytest

from courses.choices import EnrollmentStatus, NominationStatus
from courses.models import Enrollment
from courses.services import nominations as services
from tests import factories
from tests.courses.views.nominations_http import nominee, url

pytestmark = pytest.mark.django_db

# --- the nominee's link ---------------------------------------------------------------------


@pytest.fixture
def nomination(invitation_run, focal_point):
    return services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee())


@pytest.fixture
def nominee_user(db):
    return factories.TraineeFactory(email="nominee@example.org")


def link(nomination, name="courses:nomination"):
    return url(name, services.make_token(nomination))


def test_an_anonymous_nominee_is_led_to_sign_in_and_back(client, nomination):
    page = link(nomination)
    html = client.get(page).content.decode()
    assert f"/en/accounts/login/?next={page.replace(':', '%3A')}" in html
    response = client.post(link(nomination, "courses:nomination_accept"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "next=" in response["Location"]


def test_the_nominee_accepts_their_place(client, nomination, nominee_user):
    client.force_login(nominee_user)
    response = client.post(link(nomination, "courses:nomination_accept"), follow=True)
    assert "You have accepted the invitation" in response.content.decode()
    assert Enrollment.objects.get(user=nominee_user).status == EnrollmentStatus.ENROLLED
    assert "Download your invitation letter" in response.content.decode()
    # used twice: a clear message, nothing changes
    response = client.post(link(nomination, "courses:nomination_accept"), follow=True)
    assert "already been answered" in response.content.decode()
    assert Enrollment.objects.count() == 1


def test_another_account_is_told_why(client, nomination, trainee):
    client.force_login(trainee)
    html = client.get(link(nomination)).content.decode()
    assert "sent to another e-mail address" in html
    response = client.post(link(nomination, "courses:nomination_accept"), follow=True)
    assert "sent to another e-mail address" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_an_incomplete_profile_is_asked_for_first(client, nomination):
    user = factories.UserFactory(email="nominee@example.org")
    client.force_login(user)
    response = client.post(link(nomination, "courses:nomination_accept"), follow=True)
    assert "Complete your profile" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_a_tampered_link_is_refused(client, nomination):
    bad = url("courses:nomination", services.make_token(nomination)[:-3] + "xyz")
    response = client.get(bad)
    assert response.status_code == 404
    assert "not valid" in response.content.decode()
    response = client.post(bad.rstrip("/") + "/accept/")
    assert response.status_code in (302, 404)  # anonymous: sign in first; nothing changes
    assert not Enrollment.objects.exists()


def test_an_expired_link_is_refused(client, nomination, nominee_user, settings):
    token = services.make_token(nomination)
    settings.NOMINATION_LINK_MAX_AGE = -1
    client.force_login(nominee_user)
    response = client.get(url("courses:nomination", token))
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    response = client.post(url("courses:nomination_accept", token))
    assert response.status_code == 410
    assert not Enrollment.objects.exists()


def test_the_nominee_can_decline(client, nomination):
    response = client.post(link(nomination, "courses:nomination_decline"), follow=True)
    assert "declined" in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DECLINED


def test_a_new_nominee_signs_up_confirms_and_comes_back_to_the_invitation(client, nomination):
    import re

    page = link(nomination)
    mail.outbox.clear()
    response = client.post(
        f"/en/accounts/signup/?next={page}",
        {
            "email": "nominee@example.org",
            "password1": "a-Strong-passphrase-42",
            "password2": "a-Strong-passphrase-42",
            "next": page,
        },
    )
    assert response.status_code == 302
    confirm = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    confirm_path = re.sub(r"^https?://[^/]+", "", confirm)
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert response["Location"] == page
    html = client.get(page).content.decode()
    assert "Accept my place" in html


def test_staff_cancel_an_unanswered_nomination_from_the_admin(client, mfa_staff_user, nomination):
    client.force_login(mfa_staff_user)
    edit = reverse("nominations:edit", args=[nomination.pk])
    assert client.get(edit).status_code == 200
    response = client.post(
        edit, {"name": nomination.name, "organisation": "PSD", "job_title": "Inv", "cancel": "on"}
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.CANCELLED
    html = client.get(link(nomination)).content.decode()
    assert "withdrawn by the centre" in html

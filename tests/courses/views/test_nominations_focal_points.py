"""The focal-point area and nominating one by one; the admin of nominations and focal points;
over HTTP."""

import datetime as dt

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest

from courses.choices import RunStatus
from courses.models import Nomination
from courses.services import nominations as services
from tests import factories
from tests.courses.views.nominations_http import HOSTILE, nominee, url

pytestmark = pytest.mark.django_db

# --- who may see the focal-point area ---------------------------------------------------------


def test_a_focal_point_sees_open_runs_and_only_their_countrys_nominees(
    client, focal_point, invitation_run
):
    services.nominate(
        run=invitation_run, focal_point=focal_point, nominee=nominee(name="Jordan One")
    )
    factories.NominationFactory(run=invitation_run, country="EG", name="Egypt One")
    started = factories.CourseRunFactory(
        start_date=timezone.localdate(), course__title="Already started"
    )
    client.force_login(focal_point.user)
    response = client.get(url("courses:focal_point"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Jordan One" in html
    assert "Egypt One" not in html
    assert invitation_run.course.title in html
    assert started.course.title not in html


@pytest.mark.parametrize("who", ["trainee", "staff_user"])
def test_anyone_else_gets_404(client, request, who, invitation_run):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url("courses:focal_point")).status_code == 404
    assert client.get(url("courses:nominate", invitation_run.public_id)).status_code == 404
    assert client.get(url("courses:nominate_csv", invitation_run.public_id)).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, invitation_run):
    for name, args in (
        ("courses:focal_point", ()),
        ("courses:nominate", (invitation_run.public_id,)),
    ):
        response = client.get(url(name, *args))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_a_started_run_cannot_be_opened_for_nominations(client, focal_point):
    run = factories.CourseRunFactory(status=RunStatus.RUNNING)
    client.force_login(focal_point.user)
    assert client.get(url("courses:nominate", run.public_id)).status_code == 404


# --- nominating one by one -------------------------------------------------------------------


def test_nominating_one_person(
    client, focal_point, invitation_run, django_capture_on_commit_callbacks
):
    client.force_login(focal_point.user)
    data = {
        "name": "Rami Saleh",
        "email": "rami@example.org",
        "organisation": "Ministry of Labour",
        "job_title": "Inspector",
        "language": "fr",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("courses:nominate", invitation_run.public_id), data)
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert (nomination.name, nomination.country, nomination.language) == ("Rami Saleh", "JO", "fr")
    assert mail.outbox[0].to == ["rami@example.org"]


def test_a_nomination_over_the_quota_is_refused_with_the_reason(
    client, focal_point, invitation_run
):
    invitation_run.seats_per_country = 1
    invitation_run.save()
    factories.EnrollmentFactory(run=invitation_run)
    client.force_login(focal_point.user)
    response = client.post(
        url("courses:nominate", invitation_run.public_id),
        {
            "name": "X",
            "email": "x@example.org",
            "organisation": "O",
            "job_title": "J",
            "language": "en",
        },
    )
    assert response.status_code == 200
    assert "Over the quota: Jordan has 0 seats left" in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_hostile_name_is_stored_as_text_and_shown_escaped(
    client, focal_point, invitation_run, django_capture_on_commit_callbacks
):
    client.force_login(focal_point.user)
    data = {
        "name": HOSTILE,
        "email": "h@example.org",
        "organisation": HOSTILE,
        "job_title": "J",
        "language": "en",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("courses:nominate", invitation_run.public_id), data)
    assert Nomination.objects.get().name == HOSTILE
    html = client.get(url("courses:focal_point")).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;Bold&lt;/b&gt;" in html
    message = mail.outbox[0]
    html_part = message.alternatives[0][0]
    assert "<script>" not in html_part and "&lt;script&gt;" in html_part
    assert HOSTILE in message.body  # the plain-text part is not HTML: shown as typed


# --- the admin ---------------------------------------------------------------------------------


def test_staff_invite_by_email_from_the_admin(
    client, mfa_staff_user, invitation_run, django_capture_on_commit_callbacks
):
    client.force_login(mfa_staff_user)
    add = reverse("nominations:add")
    assert client.get(add).status_code == 200
    data = {
        "run": invitation_run.pk,
        "name": "Invited Person",
        "email": "invited@example.org",
        "organisation": "",
        "job_title": "",
        "language": "ar",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(add, data)
    assert response.status_code == 302
    invitation = Nomination.objects.get()
    assert invitation.invited_by == mfa_staff_user
    assert mail.outbox[0].to == ["invited@example.org"]
    # inviting the same address again is refused with the reason, nothing recorded
    response = client.post(add, data)
    assert response.status_code == 200
    assert Nomination.objects.count() == 1
    assert client.get(reverse("nominations:index")).status_code == 200


def test_staff_make_a_focal_point_from_the_admin(client, mfa_staff_user):
    client.force_login(mfa_staff_user)
    user = factories.UserFactory()
    response = client.post(reverse("focal_points:add"), {"user": user.pk, "country": "MA"})
    assert response.status_code == 302
    assert user.focal_point.country == "MA"
    assert user.groups.filter(name="Focal points").exists()


def test_expired_nominations_show_as_expired(client, focal_point, invitation_run):
    nomination = services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee())
    Nomination.objects.filter(pk=nomination.pk).update(
        sent_at=timezone.now() - dt.timedelta(days=40)
    )
    client.force_login(focal_point.user)
    assert "Expired" in client.get(url("courses:focal_point")).content.decode()

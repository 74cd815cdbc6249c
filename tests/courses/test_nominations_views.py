"""The focal-point area, CSV upload, the nominee's link, letters and the admin, over HTTP."""

import datetime as dt
import io

from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

import pytest
from pypdf import PdfReader

from courses.choices import DeliveryMode, EnrollmentStatus, NominationStatus, RunStatus
from courses.models import Enrollment, InvitationLetter, Nomination
from courses.rules.nominations import Nominee
from courses.services import nominations as services
from tests import factories

pytestmark = pytest.mark.django_db

HEADER = "name,email,organisation,job_title,language\n"
HOSTILE = '<script>alert("x")</script><b>Bold</b>'


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


def upload(client, run, content: bytes, lang="en"):
    handle = io.BytesIO(content)
    handle.name = "nominees.csv"
    return client.post(url("courses:nominate_csv", run.public_id, lang=lang), {"file": handle})


def nominee(email="nominee@example.org", name="Amal Haddad", language="en"):
    return Nominee(name, email, "PSD", "Investigator", language)


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


# --- CSV ------------------------------------------------------------------------------------------


def test_a_good_csv_nominates_everyone(
    client, focal_point, invitation_run, django_capture_on_commit_callbacks
):
    client.force_login(focal_point.user)
    content = (
        "\ufeff" + HEADER + "Amal,amal@example.org,PSD,Investigator,ar\r\n"
        "Rami,rami@example.org,MoL,Inspector,fr\r\n"
    ).encode()
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, invitation_run, content)
    assert response.status_code == 302
    assert set(Nomination.objects.values_list("email", "language")) == {
        ("amal@example.org", "ar"),
        ("rami@example.org", "fr"),
    }
    assert len(mail.outbox) == 2


def test_a_csv_with_any_bad_row_imports_nothing_and_lists_every_error(
    client, focal_point, invitation_run
):
    invitation_run.seats_per_country = 3
    invitation_run.save()
    services.nominate(
        run=invitation_run, focal_point=focal_point, nominee=nominee("taken@example.org")
    )
    client.force_login(focal_point.user)
    content = (
        (
            HEADER + "Good,good@example.org,PSD,Inv,ar\n"  # 2
            "Taken,taken@example.org,PSD,Inv,ar\n"  # 3 already nominated
            "Bad,bad-address,PSD,Inv,ar\n"  # 4
            "Dup,GOOD@example.org,PSD,Inv,ar\n"  # 5
        ).encode()
    )
    response = upload(client, invitation_run, content)
    html = response.content.decode()
    assert response.status_code == 200
    assert "nothing was imported" in html
    for row in ('<td class="row-number">4</td>', '<td class="row-number">5</td>'):
        assert row in html
    assert Nomination.objects.count() == 1
    # With the file's own errors fixed, the run's checks speak: the taken address and the quota.
    content = (
        HEADER + "Good,good@example.org,PSD,Inv,ar\n"
        "Taken,taken@example.org,PSD,Inv,ar\n"
        "Two,two@example.org,PSD,Inv,ar\n"
        "Three,three@example.org,PSD,Inv,ar\n"
    ).encode()
    html = upload(client, invitation_run, content).content.decode()
    assert "taken@example.org is already nominated" in html
    assert "Over the quota: Jordan has 2 seats left" in html
    assert '<td class="row-number">5</td>' in html
    assert Nomination.objects.count() == 1


def test_a_csv_with_wrong_columns_is_refused(client, focal_point, invitation_run):
    client.force_login(focal_point.user)
    html = upload(client, invitation_run, b"name,mail\nA,a@example.org\n").content.decode()
    assert "Missing columns" in html and "Unknown columns: mail" in html
    assert not Nomination.objects.exists()


def test_a_csv_that_is_not_utf8_is_refused_in_the_users_language(
    client, focal_point, invitation_run
):
    client.force_login(focal_point.user)
    content = (HEADER + "Éloïse,e@example.org,Org,Job,fr\n").encode("cp1252")
    html = upload(client, invitation_run, content, lang="ar").content.decode()
    assert "UTF-8" in html
    assert 'lang="ar"' in html and "is not UTF-8 text" not in html
    assert not Nomination.objects.exists()


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

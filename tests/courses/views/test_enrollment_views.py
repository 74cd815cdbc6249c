import datetime as dt
import json
import uuid

from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from courses.choices import AdmissionPolicy, EnrollmentStatus, RunStatus
from courses.models import AccountDeletionRequest, Enrollment, EnrollmentStatusChange
from courses.services import enrollment as services
from tests import factories

pytestmark = pytest.mark.django_db


def url(name, lang="en", **kwargs):
    with translation.override(lang):
        return reverse(f"courses:{name}", kwargs=kwargs or None)


PROFILE_DATA = {
    "name_latin": "Omar Farouk",
    "name_arabic": "عمر فاروق",
    "country": "JO",
    "organisation": "Public Security Directorate",
    "organisation_type": "police",
    "job_title": "Investigator",
    "preferred_language": "en",
    "sex": "",
    "consent": "on",
}


# --- profile ------------------------------------------------------------------------------------


def test_pages_need_login(client, run):
    for target in (
        url("dashboard"),
        url("profile"),
        url("my_data"),
        url("delete_account"),
        url("apply", run_id=run.public_id),
    ):
        response = client.get(target)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
        assert "next=" in response["Location"]


def test_profile_is_created_with_a_consent_timestamp(client, user, home_pages):
    client.force_login(user)
    response = client.post(url("profile"), PROFILE_DATA)
    assert response.status_code == 302
    profile = user.trainee_profile
    assert profile.is_complete
    assert profile.consent_at is not None
    assert profile.country.code == "JO"


def test_profile_without_consent_is_refused_and_nothing_saved(client, user, home_pages):
    client.force_login(user)
    response = client.post(url("profile"), {**PROFILE_DATA, "consent": ""})
    assert response.status_code == 200
    assert "without your consent" in response.content.decode()
    assert not hasattr(user, "trainee_profile") or user.trainee_profile is None


def test_profile_edit_keeps_the_first_consent_time(client, trainee, home_pages):
    first = trainee.trainee_profile.consent_at
    client.force_login(trainee)
    client.post(url("profile"), {**PROFILE_DATA, "job_title": "Chief investigator"})
    trainee.trainee_profile.refresh_from_db()
    assert trainee.trainee_profile.job_title == "Chief investigator"
    assert trainee.trainee_profile.consent_at == first


def test_country_names_follow_the_page_language(client, user, home_pages):
    client.force_login(user)
    assert "الأردن" in client.get(url("profile", "ar")).content.decode()
    assert "Jordanie" in client.get(url("profile", "fr")).content.decode()


def test_profile_next_goes_back_only_to_this_site(client, user, home_pages):
    client.force_login(user)
    response = client.post(url("profile") + "?next=https://evil.example/", PROFILE_DATA)
    assert response["Location"] == url("dashboard")


def test_names_with_markup_are_stored_as_text_and_shown_escaped(client, user, run):
    client.force_login(user)
    evil = "Omar <script>alert(1)</script>"
    client.post(url("profile"), {**PROFILE_DATA, "name_latin": evil})
    assert user.trainee_profile.name_latin == evil
    page = client.get(url("apply", run_id=run.public_id)).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


# --- own data and deletion ----------------------------------------------------------------------


def test_my_data_has_only_my_profile_and_enrollments_with_history(client, run, trainee):
    other = factories.EnrollmentFactory(run=run)
    mine = services.apply(user=trainee, run=run)
    client.force_login(trainee)
    response = client.get(url("my_data"))
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert data["profile"]["name_latin"] == trainee.trainee_profile.name_latin
    assert [e["id"] for e in data["enrollments"]] == [str(mine.public_id)]
    assert data["enrollments"][0]["history"][0]["to"] == EnrollmentStatus.ENROLLED
    assert str(other.public_id) not in response.content.decode()


def test_deletion_request_is_recorded_once_and_staff_are_told(
    client, trainee, staff_user, home_pages, django_capture_on_commit_callbacks
):
    client.force_login(trainee)
    assert client.get(url("delete_account")).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("delete_account"))
        client.post(url("delete_account"))
    assert AccountDeletionRequest.objects.filter(user=trainee).count() == 1
    assert [m.to for m in mail.outbox] == [[staff_user.email]]
    assert trainee.email in mail.outbox[0].subject
    trainee.refresh_from_db()
    assert trainee.is_active  # nothing is deleted before staff act


# --- apply --------------------------------------------------------------------------------------


def test_apply_page_says_what_will_happen(client, trainee, run):
    client.force_login(trainee)
    page = client.get(url("apply", run_id=run.public_id)).content.decode()
    assert "you will get a place at once" in page
    run.admission_policy = AdmissionPolicy.APPROVAL
    run.save()
    page = client.get(url("apply", run_id=run.public_id)).content.decode()
    assert "yours will await its decision" in page


def test_apply_with_incomplete_profile_sends_to_profile_and_back(client, user, run):
    client.force_login(user)
    apply_url = url("apply", run_id=run.public_id)
    response = client.post(apply_url)
    assert response.status_code == 302
    assert response["Location"] == f"{url('profile')}?next={apply_url}"
    assert not Enrollment.objects.exists()
    response = client.post(response["Location"], {**PROFILE_DATA, "next": apply_url})
    assert response["Location"] == apply_url


def test_apply_enrolls_and_shows_the_outcome(client, trainee, run):
    client.force_login(trainee)
    response = client.post(url("apply", run_id=run.public_id), follow=True)
    assert "You have a place on this run" in response.content.decode()
    assert Enrollment.objects.get(user=trainee, run=run).status == EnrollmentStatus.ENROLLED


def test_apply_when_full_waitlists_with_position(client, trainee, run):
    run.capacity = 1
    run.save()
    factories.EnrollmentFactory(run=run)
    factories.EnrollmentFactory(
        run=run, status=EnrollmentStatus.WAITLISTED, waitlisted_at=timezone.now()
    )
    client.force_login(trainee)
    response = client.post(url("apply", run_id=run.public_id), follow=True)
    assert "number 2 on the waiting list" in response.content.decode()


def test_apply_pending_on_approval_runs(client, trainee, run):
    run.admission_policy = AdmissionPolicy.APPROVAL
    run.save()
    client.force_login(trainee)
    response = client.post(url("apply", run_id=run.public_id), follow=True)
    assert "Your application has been received" in response.content.decode()


def test_applying_twice_changes_nothing(client, trainee, run):
    client.force_login(trainee)
    client.post(url("apply", run_id=run.public_id))
    response = client.post(url("apply", run_id=run.public_id))
    assert response.status_code == 409
    assert "already applied" in response.content.decode()
    assert Enrollment.objects.filter(user=trainee).count() == 1
    assert EnrollmentStatusChange.objects.count() == 1


def test_applying_a_second_after_closing_is_refused_in_the_users_language(client, trainee, run):
    run.enrollment_closes = timezone.now() - dt.timedelta(seconds=1)
    run.save()
    client.force_login(trainee)
    response = client.post(url("apply", "fr", run_id=run.public_id))
    assert response.status_code == 409
    with translation.override("fr"):
        from courses.exceptions import EnrollmentClosed

        expected = str(EnrollmentClosed.default_message)
    assert expected in response.content.decode()
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize(
    "change,text",
    [
        ({"status": RunStatus.CANCELLED}, "cancelled"),
        ({"admission_policy": AdmissionPolicy.INVITATION}, "nomination or invitation only"),
    ],
)
def test_refusals_are_explained(client, trainee, run, change, text):
    for field, value in change.items():
        setattr(run, field, value)
    run.save()
    client.force_login(trainee)
    assert text in client.get(url("apply", run_id=run.public_id)).content.decode()
    response = client.post(url("apply", run_id=run.public_id))
    assert text in response.content.decode()
    assert not Enrollment.objects.exists()


def test_apply_to_unknown_run_is_404(client, trainee, home_pages):
    client.force_login(trainee)
    assert client.get(url("apply", run_id=uuid.uuid4())).status_code == 404


# --- withdraw -----------------------------------------------------------------------------------


def test_withdraw_confirms_then_frees_the_seat_for_the_first_waitlisted(
    client, run, django_capture_on_commit_callbacks
):
    run.capacity = 1
    run.save()
    holder, first, second = (factories.TraineeFactory() for _ in range(3))
    place = services.apply(user=holder, run=run)
    services.apply(user=first, run=run)
    services.apply(user=second, run=run)
    client.force_login(holder)
    withdraw_url = url("withdraw", public_id=place.public_id)
    assert "Yes, withdraw" in client.get(withdraw_url).content.decode()
    assert Enrollment.objects.get(pk=place.pk).status == EnrollmentStatus.ENROLLED
    with django_capture_on_commit_callbacks(execute=True):
        client.post(withdraw_url)
    statuses = dict(Enrollment.objects.values_list("user", "status"))
    assert statuses == {
        holder.pk: EnrollmentStatus.WITHDRAWN,
        first.pk: EnrollmentStatus.ENROLLED,
        second.pk: EnrollmentStatus.WAITLISTED,
    }
    recipients = {m.to[0]: m.subject for m in mail.outbox}
    assert "Withdrawal confirmed" in recipients[holder.email]
    assert "A seat is now yours" in recipients[first.email]
    assert second.email not in recipients


def test_someone_elses_enrollment_is_404(client, run, trainee):
    other = factories.EnrollmentFactory(run=run)
    client.force_login(trainee)
    assert client.get(url("withdraw", public_id=other.public_id)).status_code == 404
    assert client.post(url("withdraw", public_id=other.public_id)).status_code == 404
    other.refresh_from_db()
    assert other.status == EnrollmentStatus.ENROLLED


def test_withdrawing_twice_gives_a_message_not_an_error(client, run, trainee):
    enrollment = services.apply(user=trainee, run=run)
    client.force_login(trainee)
    client.post(url("withdraw", public_id=enrollment.public_id))
    response = client.post(url("withdraw", public_id=enrollment.public_id), follow=True)
    assert response.status_code == 200
    assert "nothing to withdraw" in response.content.decode()
    assert enrollment.history.count() == 2


def test_declined_applicant_sees_the_decision_instead_of_an_apply_button(
    client, run, trainee, staff_user
):
    run.admission_policy = AdmissionPolicy.APPROVAL
    run.save()
    services.decline(enrollment=services.apply(user=trainee, run=run), by=staff_user)
    client.force_login(trainee)
    page = client.get(url("apply", run_id=run.public_id)).content.decode()
    assert "Status: Declined" in page
    assert "What happens when you apply" not in page


def test_empty_profile_post_shows_the_errors(client, user, home_pages):
    client.force_login(user)
    response = client.post(url("profile"), {})
    assert "errorlist" in response.content.decode()

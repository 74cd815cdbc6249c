"""Nominating, importing, the signed link, accepting and declining, staff invitations."""

import datetime as dt

from django.core import mail, signing
from django.utils import timezone, translation

import pytest
from allauth.account.models import EmailAddress

from courses.choices import EnrollmentStatus, NominationStatus, RunStatus
from courses.exceptions import (
    AlreadyApplied,
    AlreadyNominated,
    EmailMismatch,
    LinkExpired,
    LinkInvalid,
    NominationAnswered,
    NominationImportRefused,
    NominationsClosed,
    ProfileIncomplete,
    QuotaExceeded,
)
from courses.models import Enrollment, Nomination
from courses.rules.nominations import Nominee
from courses.services import nominations as services
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def nominee(n=1, **kwargs):
    data = {
        "name": f"Official {n}",
        "email": f"official{n}@example.org",
        "organisation": "Public Security Directorate",
        "job_title": "Investigator",
        "language": "en",
        "row": n + 1,
    }
    data.update(kwargs)
    return Nominee(**data)


def test_a_nomination_is_recorded_for_the_focal_points_country_and_mailed(
    invitation_run, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        nomination = services.nominate(
            run=invitation_run, focal_point=focal_point, nominee=nominee(language="fr")
        )
    assert nomination.status == NominationStatus.SENT
    assert nomination.country == "JO"
    assert nomination.nominated_by == focal_point.user
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["official1@example.org"]
    assert "Invitation au cours" in message.subject  # the language chosen for the nominee
    assert "/fr/nominations/" in message.body
    assert str(nomination.public_id) in signing.TimestampSigner(salt="courses.nomination").unsign(
        message.body.split("/fr/nominations/")[1].split("/")[0]
    )
    assert message.alternatives  # an HTML part too


def test_the_invitation_is_in_arabic_when_chosen(
    invitation_run, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.nominate(
            run=invitation_run, focal_point=focal_point, nominee=nominee(language="ar")
        )
    assert "دعوة" in mail.outbox[0].subject
    assert "/ar/nominations/" in mail.outbox[0].body


def test_the_same_person_cannot_be_nominated_twice(invitation_run, focal_point):
    services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee())
    with pytest.raises(AlreadyNominated):
        services.nominate(
            run=invitation_run,
            focal_point=focal_point,
            nominee=nominee(email="OFFICIAL1@example.org"),
        )
    assert Nomination.objects.count() == 1


def test_an_enrolled_person_cannot_be_nominated(invitation_run, focal_point):
    trainee = factories.TraineeFactory(email="already@example.org")
    factories.EnrollmentFactory(user=trainee, run=invitation_run)
    with pytest.raises(AlreadyNominated):
        services.nominate(
            run=invitation_run,
            focal_point=focal_point,
            nominee=nominee(email="already@example.org"),
        )


def test_the_quota_counts_live_nominations_and_seats_held_by_the_country(
    invitation_run, focal_point
):
    invitation_run.seats_per_country = 2
    invitation_run.save()
    factories.EnrollmentFactory(run=invitation_run)  # a Jordanian holding a seat
    factories.EnrollmentFactory(run=invitation_run, user__profile__country="EG")  # another country
    services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee(1))
    with pytest.raises(QuotaExceeded) as refusal:
        services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee(2))
    assert "Jordan" in str(refusal.value.message)
    assert Nomination.objects.count() == 1


def test_declined_and_expired_nominations_free_the_quota(invitation_run, focal_point):
    invitation_run.seats_per_country = 1
    invitation_run.save()
    first = services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee(1))
    services.decline_nomination(nomination=first)
    second = services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee(2))
    Nomination.objects.filter(pk=second.pk).update(sent_at=timezone.now() - dt.timedelta(days=31))
    third = services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee(3))
    assert third.status == NominationStatus.SENT


def test_started_or_cancelled_runs_take_no_nominations(invitation_run, focal_point):
    invitation_run.status = RunStatus.CANCELLED
    invitation_run.save()
    with pytest.raises(NominationsClosed):
        services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee())


def test_an_import_creates_everyone_in_one_go(
    invitation_run, focal_point, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = services.import_nominations(
            run=invitation_run,
            focal_point=focal_point,
            nominees=[nominee(1), nominee(2, language="ar")],
        )
    assert len(created) == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "official1@example.org",
        "official2@example.org",
    ]


def test_an_import_over_the_quota_imports_nothing_and_names_the_rows(
    invitation_run, focal_point, django_capture_on_commit_callbacks
):
    invitation_run.seats_per_country = 2
    invitation_run.save()
    services.nominate(run=invitation_run, focal_point=focal_point, nominee=nominee(1))
    mail.outbox.clear()
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(NominationImportRefused) as refusal,
    ):
        services.import_nominations(
            run=invitation_run,
            focal_point=focal_point,
            nominees=[nominee(1), nominee(2), nominee(3)],
        )
    assert [error.row for error in refusal.value.errors] == [2, 4]
    assert Nomination.objects.count() == 1
    assert mail.outbox == []


# --- the link ---------------------------------------------------------------------------------


@pytest.fixture
def nomination(invitation_run, focal_point):
    return services.nominate(
        run=invitation_run, focal_point=focal_point, nominee=nominee(email="nominee@example.org")
    )


@pytest.fixture
def nominee_user(db):
    return factories.TraineeFactory(email="nominee@example.org")


def test_a_valid_link_finds_its_nomination(nomination):
    assert services.nomination_for_token(services.make_token(nomination)) == nomination


def test_the_token_carries_the_public_id_not_the_sequential_id(nomination):
    token = services.make_token(nomination)
    assert token.startswith(str(nomination.public_id))


def test_a_tampered_link_is_invalid(nomination):
    token = services.make_token(nomination)
    with pytest.raises(LinkInvalid):
        services.nomination_for_token(token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    other = str(factories.NominationFactory().public_id)
    with pytest.raises(LinkInvalid):
        services.nomination_for_token(other + token[len(other) :])


def test_an_expired_link_is_refused(nomination, settings):
    token = services.make_token(nomination)
    settings.NOMINATION_LINK_MAX_AGE = -1
    with pytest.raises(LinkExpired):
        services.nomination_for_token(token)


def test_accepting_gives_the_place_through_place(nomination, nominee_user):
    enrollment = services.accept_nomination(nomination=nomination, user=nominee_user)
    nomination.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED
    assert nomination.status == NominationStatus.ACCEPTED
    assert nomination.enrollment == enrollment
    assert enrollment.history.get().by == nomination.nominated_by


def test_accepting_twice_changes_nothing(nomination, nominee_user):
    services.accept_nomination(nomination=nomination, user=nominee_user)
    with pytest.raises(NominationAnswered):
        services.accept_nomination(nomination=nomination, user=nominee_user)
    assert Enrollment.objects.count() == 1


def test_a_full_run_puts_the_nominee_on_the_waiting_list(nomination, nominee_user):
    nomination.run.capacity = 1
    nomination.run.save()
    factories.EnrollmentFactory(run=nomination.run)
    enrollment = services.accept_nomination(nomination=nomination, user=nominee_user)
    assert enrollment.status == EnrollmentStatus.WAITLISTED


def test_another_account_cannot_accept(nomination, trainee):
    with pytest.raises(EmailMismatch):
        services.accept_nomination(nomination=nomination, user=trainee)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SENT
    assert not Enrollment.objects.exists()


def test_an_unverified_address_is_not_enough(nomination, nominee_user):
    EmailAddress.objects.filter(user=nominee_user).update(verified=False)
    with pytest.raises(EmailMismatch):
        services.accept_nomination(nomination=nomination, user=nominee_user)


def test_an_incomplete_profile_must_be_completed_first(nomination):
    user = factories.UserFactory(email="nominee@example.org")
    with pytest.raises(ProfileIncomplete):
        services.accept_nomination(nomination=nomination, user=user)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SENT


def test_an_expired_nomination_cannot_be_accepted(nomination, nominee_user):
    Nomination.objects.filter(pk=nomination.pk).update(
        sent_at=timezone.now() - dt.timedelta(days=31)
    )
    with pytest.raises(LinkExpired):
        services.accept_nomination(nomination=nomination, user=nominee_user)
    assert nomination.shown_status == NominationStatus.SENT  # the stale object
    nomination.refresh_from_db()
    assert nomination.shown_status == NominationStatus.EXPIRED


def test_an_existing_application_is_not_doubled(nomination, nominee_user):
    factories.EnrollmentFactory(
        user=nominee_user, run=nomination.run, status=EnrollmentStatus.PENDING
    )
    with pytest.raises(AlreadyApplied):
        services.accept_nomination(nomination=nomination, user=nominee_user)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.SENT


def test_declining_ends_the_nomination(nomination, nominee_user):
    services.decline_nomination(nomination=nomination)
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DECLINED
    with pytest.raises(NominationAnswered):
        services.accept_nomination(nomination=nomination, user=nominee_user)


def test_staff_invitation_uses_the_same_flow(
    invitation_run, staff_user, nominee_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = services.invite(
            run=invitation_run,
            by=staff_user,
            nominee=nominee(email="nominee@example.org", language="ar"),
        )
    assert invitation.invited_by == staff_user and invitation.is_staff_invitation
    assert "/ar/nominations/" in mail.outbox[0].body
    enrollment = services.accept_nomination(nomination=invitation, user=nominee_user)
    assert enrollment.status == EnrollmentStatus.ENROLLED
    assert enrollment.history.get().by == staff_user


def test_appointing_a_focal_point_gives_the_group(staff_user):
    user = factories.UserFactory()
    focal_point = services.appoint_focal_point(user=user, country="MA", by=staff_user)
    assert user.groups.filter(name="Focal points").exists()
    services.remove_focal_point(focal_point=focal_point, by=staff_user)
    assert not user.groups.filter(name="Focal points").exists()

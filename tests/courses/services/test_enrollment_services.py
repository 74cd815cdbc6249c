import datetime as dt

from django.utils import timezone

import pytest

from courses.choices import AdmissionPolicy, EnrollmentStatus, RunStatus
from courses.exceptions import (
    AlreadyApplied,
    EnrollmentClosed,
    InvalidTransition,
    NotEligible,
    ProfileIncomplete,
    RunCancelled,
    RunFull,
)
from courses.models import Enrollment, EnrollmentStatusChange
from courses.services import enrollment as services
from tests import factories

pytestmark = pytest.mark.django_db


def test_open_run_enrolls_then_waitlists_when_full(run):
    run.capacity = 1
    run.save()
    first, second = factories.TraineeFactory(), factories.TraineeFactory()
    assert services.apply(user=first, run=run).status == EnrollmentStatus.ENROLLED
    assert services.apply(user=second, run=run).status == EnrollmentStatus.WAITLISTED


def test_every_change_is_recorded_with_who(run, trainee, staff_user):
    run.admission_policy = AdmissionPolicy.APPROVAL
    run.save()
    enrollment = services.apply(user=trainee, run=run)
    assert enrollment.status == EnrollmentStatus.PENDING
    services.approve(enrollment=enrollment, by=staff_user)
    history = list(EnrollmentStatusChange.objects.filter(enrollment=enrollment))
    assert [(h.from_status, h.to_status, h.by) for h in history] == [
        ("", EnrollmentStatus.PENDING, trainee),
        (EnrollmentStatus.PENDING, EnrollmentStatus.ENROLLED, staff_user),
    ]


def test_withdrawal_frees_the_seat_for_the_first_waitlisted(run):
    run.capacity = 1
    run.save()
    holder, first, second = (factories.TraineeFactory() for _ in range(3))
    place = services.apply(user=holder, run=run)
    waiting_first = services.apply(user=first, run=run)
    waiting_second = services.apply(user=second, run=run)
    services.withdraw(enrollment=place, by=holder)
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert waiting_first.status == EnrollmentStatus.ENROLLED
    assert waiting_second.status == EnrollmentStatus.WAITLISTED


def test_country_quota_puts_extra_people_of_that_country_on_the_waitlist(run):
    run.seats_per_country = 1
    run.save()
    jordan = [factories.TraineeFactory(profile__country="JO") for _ in range(2)]
    egypt = factories.TraineeFactory(profile__country="EG")
    assert services.apply(user=jordan[0], run=run).status == EnrollmentStatus.ENROLLED
    assert services.apply(user=jordan[1], run=run).status == EnrollmentStatus.WAITLISTED
    assert services.apply(user=egypt, run=run).status == EnrollmentStatus.ENROLLED


@pytest.mark.parametrize(
    ("change", "error"),
    [
        ({"status": RunStatus.CANCELLED}, RunCancelled),
        ({"enrollment_closes": timezone.now() - dt.timedelta(seconds=1)}, EnrollmentClosed),
        ({"admission_policy": AdmissionPolicy.INVITATION}, NotEligible),
    ],
)
def test_refusals_change_nothing(run, trainee, change, error):
    for field, value in change.items():
        setattr(run, field, value)
    run.save()
    with pytest.raises(error) as excinfo:
        services.apply(user=trainee, run=run)
    assert str(excinfo.value.message)
    assert not Enrollment.objects.exists()


def test_incomplete_profile_is_refused(run, user):
    with pytest.raises(ProfileIncomplete):
        services.apply(user=user, run=run)
    assert not Enrollment.objects.exists()


def test_applying_twice_is_refused(run, trainee):
    services.apply(user=trainee, run=run)
    with pytest.raises(AlreadyApplied):
        services.apply(user=trainee, run=run)
    assert Enrollment.objects.count() == 1


def test_reapplying_after_withdrawal_reuses_the_row(run, trainee):
    enrollment = services.apply(user=trainee, run=run)
    services.withdraw(enrollment=enrollment, by=trainee)
    again = services.apply(user=trainee, run=run)
    assert again.pk == enrollment.pk
    assert again.status == EnrollmentStatus.ENROLLED


def test_approving_into_a_full_run_is_refused(run, staff_user):
    run.capacity = 1
    run.admission_policy = AdmissionPolicy.APPROVAL
    run.save()
    a, b = (services.apply(user=factories.TraineeFactory(), run=run) for _ in range(2))
    services.approve(enrollment=a, by=staff_user)
    with pytest.raises(RunFull):
        services.approve(enrollment=b, by=staff_user)
    b.refresh_from_db()
    assert b.status == EnrollmentStatus.PENDING


def test_invalid_transition_is_refused(run, trainee, staff_user):
    enrollment = services.apply(user=trainee, run=run)
    services.withdraw(enrollment=enrollment, by=trainee)
    with pytest.raises(InvalidTransition):
        services.approve(enrollment=enrollment, by=staff_user)


def test_invited_person_gets_a_place_on_an_invitation_run(run, trainee):
    run.admission_policy = AdmissionPolicy.INVITATION
    run.save()
    enrollment = services.place(user=trainee, run=run, invited=True)
    assert enrollment.status == EnrollmentStatus.ENROLLED

"""One writer of an enrollment's status: every move is in the table and passes its guard, or it
is refused with a domain error and nothing is written (no status, no history, no e-mail)."""

from django.core import mail

import pytest

from courses.choices import EnrollmentStatus
from courses.exceptions import InvalidTransition, RunFull
from courses.models import EnrollmentStatusChange
from courses.services import completion
from courses.services import enrollment as services
from tests import factories

S = EnrollmentStatus


def _assert_unchanged(enrollment, status):
    enrollment.refresh_from_db()
    assert enrollment.status == status
    assert not EnrollmentStatusChange.objects.filter(enrollment=enrollment).exists()
    assert not mail.outbox


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("source", "target"),
    [
        (S.DECLINED, S.ENROLLED),
        (S.WITHDRAWN, S.ENROLLED),
        (S.COMPLETED, S.WITHDRAWN),
        (S.ENROLLED, S.PENDING),
        (S.PENDING, S.COMPLETED),
        (S.WAITLISTED, S.NOT_COMPLETED),
    ],
)
def test_a_move_outside_the_table_is_refused_and_nothing_is_written(
    run, staff_user, source, target
):
    enrollment = factories.EnrollmentFactory(run=run, status=source)
    with pytest.raises(InvalidTransition):
        services.transition(enrollment, target, by=staff_user)
    _assert_unchanged(enrollment, source)
    with pytest.raises(InvalidTransition):
        services.change_status(enrollment=enrollment, to=target, by=staff_user)
    _assert_unchanged(enrollment, source)


@pytest.mark.django_db
def test_entering_a_full_run_is_refused_by_the_seat_guard(run, staff_user):
    run.capacity = 1
    run.save()
    factories.EnrollmentFactory(run=run, status=S.ENROLLED)
    waiting = factories.EnrollmentFactory(run=run, status=S.WAITLISTED)
    with pytest.raises(RunFull):
        services.transition(waiting, S.ENROLLED, by=staff_user)
    _assert_unchanged(waiting, S.WAITLISTED)


@pytest.mark.django_db
def test_a_full_country_quota_is_refused_by_the_seat_guard(run, staff_user):
    run.seats_per_country = 1
    run.save()
    country = factories.EnrollmentFactory(run=run, status=S.ENROLLED).user.trainee_profile.country
    waiting = factories.EnrollmentFactory(run=run, status=S.PENDING)
    waiting.user.trainee_profile.country = country
    waiting.user.trainee_profile.save()
    with pytest.raises(RunFull):
        services.approve(enrollment=waiting, by=staff_user)
    _assert_unchanged(waiting, S.PENDING)


@pytest.mark.django_db
def test_completion_is_written_by_the_same_writer(run, staff_user, monkeypatch):
    """A staff override goes through `transition`: its history and completion date follow."""
    enrollment = factories.EnrollmentFactory(run=run, status=S.ENROLLED)
    moves = []
    real = services.transition

    def spy(enrollment, to, **kwargs):
        moves.append((enrollment.status, to))
        return real(enrollment, to, **kwargs)

    monkeypatch.setattr(completion, "transition", spy)
    run.start_date = run.start_date.replace(year=run.start_date.year - 1)
    run.end_date = run.start_date
    run.save()
    done = completion.override_completion(
        enrollment=enrollment, by=staff_user, complete=True, reason="Attended elsewhere"
    )
    assert done.status == S.COMPLETED and done.completed_at is not None
    undone = completion.override_completion(
        enrollment=enrollment, by=staff_user, complete=False, reason="Wrong trainee"
    )
    assert undone.status == S.NOT_COMPLETED and undone.completed_at is None
    assert moves == [(S.ENROLLED, S.COMPLETED), (S.COMPLETED, S.NOT_COMPLETED)]
    history = EnrollmentStatusChange.objects.filter(enrollment=enrollment).order_by("at", "pk")
    assert [(h.from_status, h.to_status, h.reason) for h in history] == [
        (S.ENROLLED, S.COMPLETED, "Attended elsewhere"),
        (S.COMPLETED, S.NOT_COMPLETED, "Wrong trainee"),
    ]

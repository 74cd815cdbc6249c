"""A database failure in the middle of an application: nothing half-written, no e-mail, and a
clear message instead of a server error."""

from django.core import mail
from django.db import DatabaseError, IntegrityError
from django.utils import translation

import pytest

from courses.choices import EnrollmentStatus
from courses.models import Enrollment, EnrollmentStatusChange
from courses.services import enrollment as enrollment_services
from courses.views.enrollment import UNSAVED
from tests import factories

pytestmark = pytest.mark.django_db


def _fail(error):
    def step(*args, **kwargs):
        raise error("simulated failure")

    return step


# Each step runs after the enrollment row is written; the last one after its history too.
STEPS = [
    ("record_change", IntegrityError),
    ("notifications.notify_status", DatabaseError),
]


def _apply(client, run, capture):
    with capture(execute=True):
        return client.post(f"/en/programmes/runs/{run.public_id}/apply/")


@pytest.mark.parametrize(("step", "error"), STEPS)
def test_a_failure_mid_application_leaves_nothing_behind(
    client, run, trainee, monkeypatch, django_capture_on_commit_callbacks, step, error
):
    target = enrollment_services
    *path, name = step.split(".")
    for part in path:
        target = getattr(target, part)
    monkeypatch.setattr(target, name, _fail(error))
    client.force_login(trainee)
    response = _apply(client, run, django_capture_on_commit_callbacks)
    assert response.status_code == 503
    with translation.override("en"):
        assert str(UNSAVED) in response.content.decode()
    assert not Enrollment.objects.exists()
    assert not EnrollmentStatusChange.objects.exists()
    assert not mail.outbox
    monkeypatch.undo()  # the database is back: applying again works, once
    response = _apply(client, run, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Enrollment.objects.get().status == EnrollmentStatus.ENROLLED
    assert EnrollmentStatusChange.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_failure_when_reapplying_keeps_the_previous_status(
    client, run, trainee, monkeypatch, django_capture_on_commit_callbacks
):
    withdrawn = factories.EnrollmentFactory(
        user=trainee, run=run, status=EnrollmentStatus.WITHDRAWN
    )
    monkeypatch.setattr(enrollment_services.notifications, "notify_status", _fail(DatabaseError))
    client.force_login(trainee)
    response = _apply(client, run, django_capture_on_commit_callbacks)
    assert response.status_code == 503
    withdrawn.refresh_from_db()
    assert withdrawn.status == EnrollmentStatus.WITHDRAWN
    assert not EnrollmentStatusChange.objects.exists()
    assert not mail.outbox

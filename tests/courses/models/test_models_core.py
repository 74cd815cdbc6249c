import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

import pytest

from courses.choices import EnrollmentStatus
from tests import factories

pytestmark = pytest.mark.django_db


def test_seats_left_counts_only_places_that_hold_a_seat(run):
    factories.EnrollmentFactory(run=run, status=EnrollmentStatus.ENROLLED)
    factories.EnrollmentFactory(run=run, status=EnrollmentStatus.COMPLETED)
    factories.EnrollmentFactory(run=run, status=EnrollmentStatus.WAITLISTED)
    factories.EnrollmentFactory(run=run, status=EnrollmentStatus.WITHDRAWN)
    assert run.seats_left() == run.capacity - 2


def test_one_enrollment_per_person_per_run(run, trainee):
    factories.EnrollmentFactory(run=run, user=trainee)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.EnrollmentFactory(run=run, user=trainee)


def test_run_ending_before_it_starts_is_refused(run):
    run.end_date = run.start_date - dt.timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        run.full_clean()
    assert "end_date" in excinfo.value.message_dict


def test_window_closing_after_the_start_is_refused(run):
    run.enrollment_closes = timezone.make_aware(
        dt.datetime.combine(run.start_date + dt.timedelta(days=1), dt.time(12))
    )
    with pytest.raises(ValidationError) as excinfo:
        run.full_clean()
    assert "enrollment_closes" in excinfo.value.message_dict


def test_runs_belong_to_the_course_across_translations(run, locales):
    translated = run.course.copy_for_translation(locales["en"], copy_parents=True)
    assert list(translated.specific.runs()) == [run]

"""Roll calls and completion decisions: only for what has begun, only by the run's instructors
or staff, never about one's own place, and every change of a mark kept with who and when."""

import datetime as dt

from django.utils import formats, timezone, translation
from django.utils.translation import gettext

import pytest

from courses.choices import AttendanceStatus, EnrollmentStatus
from courses.exceptions import (
    NotTheirRun,
    OnlyStaffOverride,
    OwnEnrollment,
    RunNotStarted,
    SessionNotStarted,
)
from courses.models import Attendance, AttendanceChange, EnrollmentStatusChange
from courses.services.completion import override_completion
from courses.services.learning import record_attendance
from tests import factories

pytestmark = pytest.mark.django_db

NOT_YET_OPEN = "Not yet open: this roll call opens when the session begins (%(starts)s)."


def say(language, message):
    """The interface text as a page in `language` shows it (translated: checked)."""
    with translation.override("en"):
        message = str(message)
    with translation.override(language):
        text = gettext(message)
    assert language == "en" or text != message, f"not translated into {language}: {message}"
    return text


def roll_call_url(session, language="ar"):
    return f"/{language}/teach/sessions/{session.public_id}/roll-call/"


@pytest.fixture
def running(course):
    """A run that began two days ago, with a begun session and one tomorrow."""
    run = factories.CourseRunFactory(course=course, running=True)
    begun = factories.SessionFactory(run=run)
    tomorrow = factories.SessionFactory(
        run=run, starts_at=timezone.now() + dt.timedelta(days=1), title="Tomorrow"
    )
    return run, begun, tomorrow


@pytest.fixture
def instructor(course, mfa_user_factory):
    return factories.make_instructor(course, mfa_user_factory())


def test_a_future_sessions_roll_call_is_refused_and_nothing_is_saved(client, instructor, running):
    run, _begun, tomorrow = running
    enrollment = factories.EnrollmentFactory(run=run)
    client.force_login(instructor)
    response = client.post(
        roll_call_url(tomorrow), {f"status-{enrollment.public_id}": "present"}, follow=True
    )
    assert say("ar", SessionNotStarted.default_message) in response.content.decode()
    assert not Attendance.objects.exists() and not AttendanceChange.objects.exists()
    with pytest.raises(SessionNotStarted):  # the service refuses, whoever calls it
        record_attendance(
            session=tomorrow, marks={str(enrollment.public_id): "present"}, by=instructor
        )
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED


@pytest.mark.parametrize("language", ["ar", "en", "fr"])
def test_future_sessions_show_as_not_yet_open(client, instructor, running, language):
    run, begun, tomorrow = running
    enrollment = factories.EnrollmentFactory(run=run)
    client.force_login(instructor)
    html = client.get(roll_call_url(tomorrow, language)).content.decode()
    with translation.override(language):
        starts = formats.date_format(timezone.localtime(tomorrow.starts_at), "DATETIME_FORMAT")
    assert say(language, NOT_YET_OPEN) % {"starts": starts} in html
    assert f'name="status-{enrollment.public_id}"' not in html
    listing = client.get(f"/{language}/teach/runs/{run.public_id}/").content.decode()
    assert say(language, "Roll call not yet open") in listing
    assert roll_call_url(begun, language) in listing
    assert roll_call_url(tomorrow, language) not in listing
    begun_page = client.get(roll_call_url(begun, language)).content.decode()
    assert "roll-call-closed" not in begun_page
    assert f'name="status-{enrollment.public_id}"' in begun_page


def test_the_service_refuses_an_instructor_of_another_course(course_index, running):
    run, begun, _tomorrow = running
    enrollment = factories.EnrollmentFactory(run=run)
    stranger = factories.make_instructor(factories.CoursePageFactory(parent=course_index))
    with pytest.raises(NotTheirRun):
        record_attendance(session=begun, marks={str(enrollment.public_id): "present"}, by=stranger)
    assert not Attendance.objects.exists()


def test_an_instructor_on_the_roll_cannot_mark_themselves(client, instructor, running):
    """The chain of hole 2: an instructor with a place on their own run marks nothing for it."""
    run, begun, _tomorrow = running
    own = factories.EnrollmentFactory(run=run, user=instructor)
    other = factories.EnrollmentFactory(run=run)
    client.force_login(instructor)
    page = client.get(roll_call_url(begun)).content.decode()
    assert f'name="status-{other.public_id}"' in page
    assert f'name="status-{own.public_id}"' not in page
    assert say("ar", "Your own place: another instructor or centre staff record it.") in page
    response = client.post(
        roll_call_url(begun),
        {f"status-{own.public_id}": "present", f"status-{other.public_id}": "present"},
        follow=True,
    )
    assert say("ar", OwnEnrollment.default_message) in response.content.decode()
    assert not Attendance.objects.exists()  # all or nothing
    with pytest.raises(OwnEnrollment):
        record_attendance(session=begun, marks={str(own.public_id): "present"}, by=instructor)


def test_staff_do_not_mark_their_own_place_either(mfa_staff_user, running):
    run, begun, _tomorrow = running
    own = factories.EnrollmentFactory(run=run, user=mfa_staff_user)
    with pytest.raises(OwnEnrollment):
        record_attendance(session=begun, marks={str(own.public_id): "present"}, by=mfa_staff_user)


def test_every_change_of_a_mark_keeps_who_when_before_and_after(
    instructor, mfa_staff_user, running
):
    run, begun, _tomorrow = running
    enrollment = factories.EnrollmentFactory(run=run)
    key = str(enrollment.public_id)
    record_attendance(session=begun, marks={key: AttendanceStatus.PRESENT}, by=instructor)
    record_attendance(session=begun, marks={key: AttendanceStatus.PRESENT}, by=instructor)
    record_attendance(session=begun, marks={key: AttendanceStatus.ABSENT}, by=mfa_staff_user)
    history = list(AttendanceChange.objects.filter(session=begun, enrollment=enrollment))
    assert [(c.from_status, c.to_status, c.by) for c in history] == [
        ("", "present", instructor),
        ("present", "absent", mfa_staff_user),  # the unchanged second save adds nothing
    ]
    assert all(c.at is not None for c in history)
    assert Attendance.objects.get().status == AttendanceStatus.ABSENT


# --- completion decided against the rules --------------------------------------------------------


def test_no_completion_decision_before_the_run_begins(mfa_staff_user, enrollment):
    with pytest.raises(RunNotStarted):  # `enrollment` is on a run that starts in 30 days
        override_completion(
            enrollment=enrollment, by=mfa_staff_user, complete=True, reason="Early."
        )
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED
    assert not EnrollmentStatusChange.objects.exists()


def test_completion_decisions_are_staffs_and_never_about_themselves(
    mfa_staff_user, instructor, running
):
    run, _begun, _tomorrow = running
    trainee_place = factories.EnrollmentFactory(run=run)
    with pytest.raises(OnlyStaffOverride):
        override_completion(enrollment=trainee_place, by=instructor, complete=True, reason="x")
    own = factories.EnrollmentFactory(run=run, user=mfa_staff_user)
    with pytest.raises(OwnEnrollment):
        override_completion(enrollment=own, by=mfa_staff_user, complete=True, reason="x")
    assert not EnrollmentStatusChange.objects.exists()
    override_completion(
        enrollment=trainee_place, by=mfa_staff_user, complete=True, reason="Make-up session."
    )
    change = EnrollmentStatusChange.objects.get()
    assert (change.from_status, change.to_status, change.by) == (
        "enrolled",
        "completed",
        mfa_staff_user,
    )

"""Attendance roll call, completion by the run's rules, overrides, the trainee's progress page."""

import pytest

from courses.choices import AttendanceStatus, EnrollmentStatus
from courses.exceptions import ReasonRequired
from courses.models import Attempt, Attendance, EnrollmentStatusChange
from courses.queries.progress import summarise_enrollments
from courses.services.completion import evaluate_completion, override_completion
from tests import factories

pytestmark = pytest.mark.django_db


def ar(message, plural=None, number=None, **values):
    """The interface text as an Arabic page shows it."""
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    with translation.override("ar"):
        text = ngettext(message, plural, number) if plural else gettext(message)
    return text % values if values else text


@pytest.fixture
def run(course):
    """A run that began two days ago: its sessions have started, their roll calls are open."""
    return factories.CourseRunFactory(course=course, running=True)


@pytest.fixture
def sessions(run):
    return [factories.SessionFactory(run=run) for _ in range(4)]


@pytest.fixture
def instructor(course):
    return factories.make_instructor(course)


def roll_call_url(session):
    return f"/ar/teach/sessions/{session.public_id}/roll-call/"


def mark(session, enrollment, status):
    factories.AttendanceFactory(session=session, enrollment=enrollment, status=status)


def pass_post_test(enrollment, test):
    factories.AttemptFactory(enrollment=enrollment, assessment=test, passing=True)


# --- roll call ---------------------------------------------------------------------------------


def test_instructor_takes_the_roll_call(client, instructor, sessions, enrollment, run):
    other = factories.EnrollmentFactory(run=run)
    client.force_login(instructor)
    page = client.get(roll_call_url(sessions[0]))
    assert page.status_code == 200
    assert enrollment.user.trainee_profile.name_latin in page.content.decode()
    response = client.post(
        roll_call_url(sessions[0]),
        {f"status-{enrollment.public_id}": "present", f"status-{other.public_id}": "excused"},
    )
    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("enrollment_id", "status")) == {
        enrollment.pk: "present",
        other.pk: "excused",
    }
    # Correcting a mark updates it.
    client.post(roll_call_url(sessions[0]), {f"status-{enrollment.public_id}": "absent"})
    assert Attendance.objects.get(enrollment=enrollment).status == "absent"


def test_staff_take_the_roll_call(client, mfa_staff_user, sessions, enrollment):
    client.force_login(mfa_staff_user)
    client.post(roll_call_url(sessions[0]), {f"status-{enrollment.public_id}": "present"})
    assert Attendance.objects.count() == 1


def test_others_get_404(client, sessions, enrollment, course_index):
    other_course = factories.CoursePageFactory(parent=course_index)
    other_instructor = factories.make_instructor(other_course)
    for user in (enrollment.user, other_instructor):
        client.force_login(user)
        assert client.get(roll_call_url(sessions[0])).status_code == 404
        client.post(roll_call_url(sessions[0]), {f"status-{enrollment.public_id}": "present"})
    assert not Attendance.objects.exists()


def test_attendance_for_someone_not_on_the_run_is_refused(client, instructor, sessions, enrollment):
    outsider = factories.EnrollmentFactory()  # on another run
    pending = factories.EnrollmentFactory(run=enrollment.run, status=EnrollmentStatus.PENDING)
    client.force_login(instructor)
    for stranger in (outsider, pending):
        response = client.post(
            roll_call_url(sessions[0]),
            {
                f"status-{enrollment.public_id}": "present",
                f"status-{stranger.public_id}": "present",
            },
            follow=True,
        )
        assert (
            ar("Attendance can only be recorded for trainees with a place on this run.")
            in response.content.decode()
        )
    assert not Attendance.objects.exists()  # nothing half written


@pytest.mark.parametrize("value", ["late", "PRESENT"])
def test_unknown_attendance_value_is_refused(client, instructor, sessions, enrollment, value):
    client.force_login(instructor)
    response = client.post(
        roll_call_url(sessions[0]), {f"status-{enrollment.public_id}": value}, follow=True
    )
    assert ar("Choose present, absent or excused for each trainee.") in response.content.decode()
    assert not Attendance.objects.exists()


def test_garbage_ids_are_refused(client, instructor, sessions, enrollment):
    client.force_login(instructor)
    response = client.post(roll_call_url(sessions[0]), {"status-42": "present"}, follow=True)
    assert response.status_code == 200
    assert not Attendance.objects.exists()


def test_trainee_sees_their_attendance(client, sessions, enrollment):
    mark(sessions[0], enrollment, AttendanceStatus.PRESENT)
    mark(sessions[1], enrollment, AttendanceStatus.ABSENT)
    client.force_login(enrollment.user)
    content = client.get(f"/ar/my/runs/{enrollment.public_id}/").content.decode()
    assert (
        ar(
            "%(percent)s%% (%(present)s of %(sessions)s sessions attended)",
            percent=25,
            present=1,
            sessions=4,
        )
        in content
    )
    assert ar("not recorded") in content


def test_progress_page_is_for_its_owner_only(client, enrollment, staff_user):
    client.force_login(factories.TraineeFactory())
    assert client.get(f"/ar/my/runs/{enrollment.public_id}/").status_code == 404
    client.force_login(staff_user)
    assert client.get(f"/ar/my/runs/{enrollment.public_id}/").status_code == 404


# --- completion ---------------------------------------------------------------------------------


def rules(run, *, attendance=0, lessons=False, post_test=False):
    run.min_attendance_percent = attendance
    run.require_lessons = lessons
    run.require_post_test = post_test
    run.save()


def test_attendance_rule_completes_when_reached(client, instructor, sessions, enrollment, run):
    rules(run, attendance=75)
    client.force_login(instructor)
    for session in sessions[:2]:
        client.post(roll_call_url(session), {f"status-{enrollment.public_id}": "present"})
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED
    client.post(roll_call_url(sessions[2]), {f"status-{enrollment.public_id}": "excused"})
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED  # 2 of 3 expected: 66%
    client.post(roll_call_url(sessions[3]), {f"status-{enrollment.public_id}": "present"})
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    assert enrollment.completed_at is not None
    change = EnrollmentStatusChange.objects.get(enrollment=enrollment)
    assert (change.from_status, change.to_status, change.by) == (
        "enrolled",
        "completed",
        instructor,
    )


def test_lessons_rule_completes_after_the_last_required_lesson(client, lessons, enrollment, run):
    rules(run, lessons=True)
    client.force_login(enrollment.user)
    client.post(f"/ar/learn/lessons/{lessons[0].translation_key}/done/")
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED
    content = client.get(f"/ar/my/runs/{enrollment.public_id}/").content.decode()
    assert (
        ar(
            "Finish %(count)s more required lesson.",
            "Finish %(count)s more required lessons.",
            1,
            count=1,
        )
        in content
    )
    client.post(f"/ar/learn/lessons/{lessons[1].translation_key}/done/")  # the third is optional
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED


def test_post_test_rule_completes_on_a_pass(client, post_test, enrollment, run):
    rules(run, post_test=True)
    client.force_login(enrollment.user)
    client.post(f"/ar/learn/tests/{post_test.translation_key}/start/")
    attempt = Attempt.objects.get()
    client.post(f"/ar/learn/attempts/{attempt.public_id}/submit/", {"q-q-single": ["a2"]})
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED
    client.post(f"/ar/learn/tests/{post_test.translation_key}/start/")
    attempt = Attempt.objects.get(number=2)
    client.post(
        f"/ar/learn/attempts/{attempt.public_id}/submit/",
        {"q-q-single": ["a1"], "q-q-multi": ["b1", "b2"]},
    )
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED


def test_combined_rules_need_every_one(sessions, lessons, post_test, enrollment, run):
    from django.utils import translation

    rules(run, attendance=50, lessons=True, post_test=True)
    with translation.override("en"):
        for session in sessions[:2]:
            mark(session, enrollment, AttendanceStatus.PRESENT)
        summary = evaluate_completion(enrollment=enrollment)
        assert [str(m) for m in summary.missing] == [
            "Finish 2 more required lessons.",
            "Pass the post-test.",
        ]
        for lesson in lessons[:2]:
            factories.LessonProgressFactory(enrollment=enrollment, lesson=lesson)
        assert [str(m) for m in evaluate_completion(enrollment=enrollment).missing] == [
            "Pass the post-test."
        ]
        enrollment.refresh_from_db()
        assert enrollment.status == EnrollmentStatus.ENROLLED
        pass_post_test(enrollment, post_test)
        assert evaluate_completion(enrollment=enrollment).complete is True
        enrollment.refresh_from_db()
        assert enrollment.status == EnrollmentStatus.COMPLETED


def test_evaluation_leaves_other_statuses_alone(enrollment, run):
    rules(run)  # nothing required
    for status in (
        EnrollmentStatus.PENDING,
        EnrollmentStatus.WITHDRAWN,
        EnrollmentStatus.NOT_COMPLETED,
    ):
        enrollment.status = status
        enrollment.save()
        evaluate_completion(enrollment=enrollment)
        enrollment.refresh_from_db()
        assert enrollment.status == status
    assert not EnrollmentStatusChange.objects.exists()


# --- overrides -------------------------------------------------------------------------------


def test_staff_override_with_a_reason(client, mfa_staff_user, enrollment):
    staff_user = mfa_staff_user
    client.force_login(staff_user)
    url = f"/ar/teach/enrollments/{enrollment.public_id}/completion/"
    response = client.post(url, {"complete": "1", "reason": ""})
    assert response.status_code == 200  # the form asks for a reason
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED
    client.post(url, {"complete": "1", "reason": "Attended the make-up session on 3 May."})
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.COMPLETED
    change = EnrollmentStatusChange.objects.get()
    assert change.reason == "Attended the make-up session on 3 May."
    assert change.by == staff_user
    client.post(url, {"complete": "0", "reason": "Certificate obtained by mistake."})
    enrollment.refresh_from_db()
    assert (enrollment.status, enrollment.completed_at) == (EnrollmentStatus.NOT_COMPLETED, None)
    assert EnrollmentStatusChange.objects.count() == 2


def test_override_needs_a_reason(enrollment, staff_user):
    with pytest.raises(ReasonRequired):
        override_completion(enrollment=enrollment, by=staff_user, complete=True, reason="  ")
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED


def test_only_staff_override(client, instructor, enrollment):
    for user in (instructor, enrollment.user):
        client.force_login(user)
        url = f"/ar/teach/enrollments/{enrollment.public_id}/completion/"
        assert client.post(url, {"complete": "1", "reason": "x"}).status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ENROLLED


# --- instructors' run pages and the summaries ---------------------------------------------------


def test_instructor_sees_their_runs_enrollments_only(client, instructor, enrollment, course_index):
    other_run = factories.CourseRunFactory(course=factories.CoursePageFactory(parent=course_index))
    stranger = factories.EnrollmentFactory(run=other_run)
    client.force_login(instructor)
    listing = client.get("/ar/teach/").content.decode()
    assert str(enrollment.run.public_id) in listing
    assert str(other_run.public_id) not in listing
    run_page = client.get(f"/ar/teach/runs/{enrollment.run.public_id}/").content.decode()
    assert enrollment.user.trainee_profile.name_latin in run_page
    assert client.get(f"/ar/teach/runs/{other_run.public_id}/").status_code == 404
    assert stranger.user.trainee_profile.name_latin not in run_page


def test_trainees_have_no_teaching_pages(client, enrollment):
    client.force_login(enrollment.user)
    assert client.get("/ar/teach/").status_code == 404
    assert client.get(f"/ar/teach/runs/{enrollment.run.public_id}/").status_code == 404


def _summaries_queries(enrollments, django_assert_max_num_queries):
    with django_assert_max_num_queries(15) as captured:
        summaries = summarise_enrollments(enrollments)
    return len(captured), summaries


def test_summaries_take_a_flat_number_of_queries(
    course_index, lessons, post_test, sessions, run, django_assert_max_num_queries
):
    trainee = factories.TraineeFactory()
    first = factories.EnrollmentFactory(run=run, user=trainee)
    factories.LessonProgressFactory(enrollment=first, lesson=lessons[0])
    mark(sessions[0], first, AttendanceStatus.PRESENT)
    summarise_enrollments([first])  # warm the cached site root paths used for lesson links
    one, summaries = _summaries_queries([first], django_assert_max_num_queries)
    assert summaries[0].progress.done == 1
    assert summaries[0].resume_url == lessons[1].get_url()
    many = [first]
    for i in range(29):
        other_run = factories.CourseRunFactory(
            course=run.course if i % 2 else factories.CoursePageFactory(parent=course_index)
        )
        factories.SessionFactory(run=other_run)
        many.append(factories.EnrollmentFactory(run=other_run, user=trainee))
    thirty, summaries = _summaries_queries(many, django_assert_max_num_queries)
    assert one == thirty
    assert len(summaries) == 30
    assert summaries[0].attendance_percent == 25

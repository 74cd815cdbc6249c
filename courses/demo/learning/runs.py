"""Demo runs with trainees: the instructors' accounts, the trainees, a run in progress and a
finished run, each trainee at a different stage."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from ...choices import AssessmentKind, AttendanceStatus, EnrollmentStatus, RunStatus
from ...models import (
    AssessmentPage,
    CourseInstructor,
    CourseRun,
    Enrollment,
    EnrollmentStatusChange,
    LessonPage,
    LessonProgress,
    Session,
)
from ...services.completion import override_completion
from ...services.instructors import (
    assign_instructor,
    assignments_of,
    sync_instructor_permissions,
)
from ...services.learning import (
    mark_lesson_done,
    record_attendance,
    start_attempt,
    submit_attempt,
)
from ..enrollment import demo_trainee
from .assessments import HALF_ANSWERS, RIGHT_ANSWERS

RUNNING_VENUE = "Training Centre, Hall B"
FINISHED_VENUE = "Training Centre, Hall C"

EXTRA_TRAINEES = [
    ("demo-trainee1@example.org", "Hassan", "Ali", "EG", "حسن علي"),
    ("demo-trainee2@example.org", "Leila", "Mansouri", "TN", "ليلى منصوري"),
    ("demo-trainee3@example.org", "Samir", "Khoury", "LB", "سمير خوري"),
    ("demo-trainee4@example.org", "Nadia", "Benyoussef", "MA", "نادية بن يوسف"),
]


# --- people -------------------------------------------------------------------------------


def seed_instructors(courses):
    """The demo instructors teach the learning courses (assigned as staff would assign them)."""
    User = get_user_model()
    for course, username in zip(courses, ("instructor", "instructor2"), strict=False):
        user = User.objects.filter(username=username).first()
        if user is not None and not assignments_of(course).exists():
            CourseInstructor.objects.create(page=course, name=user.get_full_name() or username)
            assign_instructor(course=course, user=user, by=None)
        sync_instructor_permissions(course=course)


def seed_trainees():
    people = [
        ("trainee@example.org", "Omar", "Farouk", "JO", "عمر فاروق"),
        ("trainee2@example.org", "Aicha", "Benali", "DZ", "عائشة بن علي"),
        *EXTRA_TRAINEES,
    ]
    return [
        demo_trainee(
            email,
            f"{first} {last}",
            arabic,
            country,
            "Ministry of Interior",
            "police",
            "Investigator",
            "ar",
        )
        for email, first, last, country, arabic in people
    ]


# --- runs ---------------------------------------------------------------------------------


def _run(course, venue, *, start, end, status, sessions):
    run = CourseRun.objects.filter(
        course__translation_key=course.translation_key, venue=venue
    ).first()
    if run is not None:
        return run, False
    run = CourseRun.objects.create(
        course=course,
        venue=venue,
        start_date=start,
        end_date=end,
        enrollment_opens=timezone.now() - dt.timedelta(days=90),
        enrollment_closes=timezone.make_aware(dt.datetime.combine(start, dt.time(0, 0)))
        - dt.timedelta(days=1),
        status=status,
        capacity=20,
        min_attendance_percent=75,
        require_lessons=True,
        require_post_test=True,
    )
    for day in range(sessions):
        starts = timezone.make_aware(
            dt.datetime.combine(start + dt.timedelta(days=day), dt.time(9))
        )
        Session.objects.create(
            run=run,
            title=f"Day {day + 1}",
            starts_at=starts,
            ends_at=starts + dt.timedelta(hours=3),
            room="B",
            sort_order=day,
        )
    return run, True


def _enrol(run, user):
    enrollment = Enrollment.objects.create(user=user, run=run, status=EnrollmentStatus.ENROLLED)
    EnrollmentStatusChange.objects.create(
        enrollment=enrollment, from_status="", to_status=EnrollmentStatus.ENROLLED
    )
    return enrollment


def _lessons(course):
    return list(LessonPage.objects.child_of(course).live().order_by("path"))


def _tests(course):
    return {t.kind: t for t in AssessmentPage.objects.child_of(course).live()}


def _take(user, test, answers):
    attempt = start_attempt(user=user, assessment=test)
    submit_attempt(user=user, attempt_id=attempt.public_id, answers=answers)


def _attend(run, enrollment, statuses):
    """The roll calls of the run's first sessions (all begun), taken by the demo staff member."""
    staff = get_user_model().objects.get(username="staff")
    key = str(enrollment.public_id)
    for session, status in zip(run.sessions.order_by("starts_at"), statuses, strict=False):
        record_attendance(session=session, marks={key: status}, by=staff)


def seed_running_run(course, trainees):
    today = timezone.localdate()
    run, created = _run(
        course,
        RUNNING_VENUE,
        start=today - dt.timedelta(days=2),
        end=today + dt.timedelta(days=3),
        status=RunStatus.RUNNING,
        sessions=5,
    )
    if not created:
        return
    lessons, tests = _lessons(course), _tests(course)
    P, A = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT
    trainee, extra1, extra2 = trainees[0], trainees[2], trainees[3]
    # Omar: pre-test taken, one lesson done, present twice.
    enrollment = _enrol(run, trainee)
    _take(trainee, tests[AssessmentKind.PRE_TEST], HALF_ANSWERS)
    for lesson in lessons[:1]:
        mark_lesson_done(user=trainee, lesson=lesson)
    _attend(run, enrollment, [P, P])
    # Hassan: every lesson, failed the post-test once, absent once.
    enrollment = _enrol(run, extra1)
    _take(extra1, tests[AssessmentKind.PRE_TEST], HALF_ANSWERS)
    for lesson in lessons:
        mark_lesson_done(user=extra1, lesson=lesson)
    _take(extra1, tests[AssessmentKind.POST_TEST], HALF_ANSWERS)
    _attend(run, enrollment, [P, A])
    # Leila: lessons done and post-test passed; only attendance is left.
    enrollment = _enrol(run, extra2)
    for lesson in lessons:
        mark_lesson_done(user=extra2, lesson=lesson)
    _take(extra2, tests[AssessmentKind.POST_TEST], RIGHT_ANSWERS)
    _attend(run, enrollment, [P, P])


def seed_finished_run(course, trainees):
    today = timezone.localdate()
    run, created = _run(
        course,
        FINISHED_VENUE,
        start=today - dt.timedelta(days=60),
        end=today - dt.timedelta(days=57),
        status=RunStatus.FINISHED,
        sessions=4,
    )
    if not created:
        return
    lessons, tests = _lessons(course), _tests(course)
    P, A, E = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED
    staff = get_user_model().objects.filter(username="staff").first()
    plans = [
        (trainees[1], [P, P, P, P], True),  # Aicha: completed
        (trainees[4], [P, P, E, P], True),  # Samir: completed (one excused absence)
        (trainees[5], [P, A, A, A], False),  # Nadia: not completed (attendance, post-test)
    ]
    for user, attendance, passes in plans:
        enrollment = _enrol(run, user)
        _take(user, tests[AssessmentKind.PRE_TEST], HALF_ANSWERS)
        for lesson in lessons:
            LessonProgress.objects.get_or_create(
                enrollment=enrollment, lesson_key=lesson.translation_key
            )
        _take(user, tests[AssessmentKind.POST_TEST], RIGHT_ANSWERS if passes else HALF_ANSWERS)
        _attend(run, enrollment, attendance)
        enrollment.refresh_from_db()
        if enrollment.status == EnrollmentStatus.ENROLLED:
            override_completion(
                enrollment=enrollment,
                by=staff,
                complete=False,
                reason="Run closed: attendance below 75% and post-test not passed.",
            )

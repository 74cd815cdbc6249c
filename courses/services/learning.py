"""Learning workflows: lessons done, test attempts, attendance. Each runs in one transaction."""

import secrets
import uuid
from collections.abc import Mapping, Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from training_site.core.roles import has_staff_role

from ..choices import (
    LEARNING_STATUSES,
    ROLL_CALL_STATUSES,
    AssessmentKind,
    AttendanceStatus,
    EnrollmentStatus,
)
from ..exceptions import CourseError, NotTheirRun, OwnEnrollment, SessionNotStarted
from ..models import (
    AssessmentPage,
    Attempt,
    Attendance,
    AttendanceChange,
    CoursePage,
    Enrollment,
    LessonPage,
    LessonProgress,
    Session,
)
from ..rules import assessment as assessment_rules
from ..rules import attendance as attendance_rules
from .completion import evaluate_completion
from .instructors import teaches


class NotOnRun(CourseError):
    default_message = _("You need a place on a run of this course to do this.")


class AttemptLimitReached(CourseError):
    default_message = _("You have used all the attempts allowed for this test.")


class AlreadyPassed(CourseError):
    default_message = _("You have already passed this test.")


class AlreadySubmitted(CourseError):
    default_message = _("This attempt was already submitted. Your first submission counts.")


class NotOnRoll(CourseError):
    default_message = _("Attendance can only be recorded for trainees with a place on this run.")


class InvalidAttendance(CourseError):
    default_message = _("Choose present, absent or excused for each trainee.")


REFUSALS = {
    attendance_rules.Refusal.NOT_STARTED: SessionNotStarted,
    attendance_rules.Refusal.NOT_THEIRS: NotTheirRun,
    attendance_rules.Refusal.OWN_ENROLLMENT: OwnEnrollment,
}


def learning_enrollment(*, user, course: CoursePage) -> Enrollment | None:
    """The user's place on a run of the course (any translation): the current one first."""
    if not user.is_authenticated:
        return None
    places = list(
        Enrollment.objects.filter(
            user=user,
            status__in=LEARNING_STATUSES,
            run__course__translation_key=course.translation_key,
        ).order_by("-created_at", "-pk")
    )
    # A place still in progress comes before a completed one.
    current = [e for e in places if e.status == EnrollmentStatus.ENROLLED]
    return (current or places or [None])[0]


def mark_lesson_done(*, user, lesson: LessonPage) -> Enrollment:
    course = lesson.get_parent().specific
    with transaction.atomic():
        enrollment = learning_enrollment(user=user, course=course)
        if enrollment is None:
            raise NotOnRun()
        LessonProgress.objects.get_or_create(
            enrollment=enrollment, lesson_key=lesson.translation_key
        )
        evaluate_completion(enrollment=enrollment)
    return enrollment


def start_attempt(*, user, assessment: AssessmentPage) -> Attempt:
    """Open an attempt (or return the one still open), within the attempt limit."""
    course = assessment.get_parent().specific
    with transaction.atomic():
        enrollment = learning_enrollment(user=user, course=course)
        if enrollment is None:
            raise NotOnRun()
        # Serialise this trainee's attempts on the enrollment row.
        Enrollment.objects.select_for_update().filter(pk=enrollment.pk).first()
        attempts = list(Attempt.objects.filter(enrollment=enrollment, kind=assessment.kind))
        open_attempt = next((a for a in attempts if not a.is_submitted), None)
        if open_attempt is not None:
            return open_attempt
        if assessment.kind == AssessmentKind.POST_TEST and any(a.passed for a in attempts):
            raise AlreadyPassed()
        if len(attempts) >= assessment.max_attempts:
            raise AttemptLimitReached()
        try:
            with transaction.atomic():
                return Attempt.objects.create(
                    enrollment=enrollment,
                    assessment=assessment,
                    kind=assessment.kind,
                    number=len(attempts) + 1,
                    seed=secrets.randbelow(2**31),
                )
        except IntegrityError as error:  # a concurrent request took this number
            raise AttemptLimitReached() from error


def submit_attempt(*, user, attempt_id, answers: Mapping[str, Sequence[str]]) -> Attempt:
    """Score an open attempt of the user's. Refuses a second submission and tampered answers."""
    with transaction.atomic():
        attempt = (
            Attempt.objects.select_for_update()
            .select_related("enrollment", "assessment")
            .filter(public_id=attempt_id, enrollment__user=user)
            .first()
        )
        if attempt is None:
            raise Attempt.DoesNotExist
        if attempt.is_submitted:
            raise AlreadySubmitted()
        if attempt.enrollment.status not in LEARNING_STATUSES:
            raise NotOnRun()
        assessment = attempt.assessment
        questions = assessment.question_data()
        clean = assessment_rules.validate_answers(questions, answers)
        result = assessment_rules.score(questions, clean, pass_mark=assessment.pass_mark)
        attempt.answers = clean
        attempt.score = result.percent
        attempt.passed = result.passed
        attempt.submitted_at = timezone.now()
        attempt.save(update_fields=["answers", "score", "passed", "submitted_at"])
        if attempt.kind == AssessmentKind.POST_TEST:
            evaluate_completion(enrollment=attempt.enrollment)
    return attempt


def record_attendance(*, session: Session, marks: Mapping[str, str], by) -> int:
    """Save a roll call: {enrollment public id: status}. All or nothing; returns rows saved.

    Only the run's instructors and staff record, only once the session has started, and never
    about their own place; every change is kept in AttendanceChange (who, when, before, after).
    """
    valid = set(AttendanceStatus.values)
    if any(status not in valid for status in marks.values()):
        raise InvalidAttendance()
    course = CoursePage.objects.get(pk=session.run.course_id)
    facts = {
        "starts_at": session.starts_at,
        "now": timezone.now(),
        "teaches": by is not None and teaches(by, course),
        "staff": has_staff_role(by),
    }
    refusal = attendance_rules.recording_refusal(**facts, about_self=False)
    if refusal is not None:
        raise REFUSALS[refusal]()
    with transaction.atomic():
        enrollments = {
            str(e.public_id): e
            for e in Enrollment.objects.filter(
                run_id=session.run_id,
                status__in=ROLL_CALL_STATUSES,
                public_id__in=[key for key in marks if _is_uuid(key)],
            )
        }
        if set(marks) - set(enrollments):
            raise NotOnRoll()
        for enrollment in enrollments.values():
            refusal = attendance_rules.recording_refusal(
                **facts, about_self=enrollment.user_id == by.pk
            )
            if refusal is not None:
                raise REFUSALS[refusal]()
        existing = {
            a.enrollment_id: a
            for a in Attendance.objects.filter(session=session, enrollment__in=enrollments.values())
        }
        for key, status in marks.items():
            enrollment = enrollments[key]
            row = existing.get(enrollment.pk)
            before = row.status if row is not None else ""
            if before == status:
                continue
            if row is None:
                Attendance.objects.create(
                    session=session, enrollment=enrollment, status=status, recorded_by=by
                )
            else:
                row.status, row.recorded_by = status, by
                row.save(update_fields=["status", "recorded_by", "recorded_at"])
            AttendanceChange.objects.create(
                session=session, enrollment=enrollment, from_status=before, to_status=status, by=by
            )
        for enrollment in enrollments.values():
            evaluate_completion(enrollment=enrollment, by=by)
    return len(marks)


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True

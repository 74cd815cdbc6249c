"""Per-enrollment progress, attendance, scores and what is missing, for lists of enrollments.

`summarise_enrollments` answers in a fixed number of queries whatever the number of enrollments:
the dashboard and the instructors' run page use it.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import translation

from ..choices import AssessmentKind, AttendanceStatus
from ..models import (
    AssessmentPage,
    Attempt,
    Attendance,
    CourseRun,
    Enrollment,
    LessonPage,
    LessonProgress,
    Session,
)
from ..rules.attendance import attendance_percent
from ..rules.completion import CompletionFacts, evaluate
from ..rules.progress import LessonFact, Progress, lesson_progress, resume_key


@dataclass
class EnrollmentSummary:
    enrollment: Enrollment
    progress: Progress
    sessions: int = 0
    present: int = 0
    absent: int = 0
    excused: int = 0
    attendance_percent: int | None = None
    pre_test_score: int | None = None
    post_test_score: int | None = None
    post_test_attempts: int = 0
    post_test_passed: bool = False
    has_post_test: bool = False
    has_pre_test: bool = False
    complete: bool = False
    missing: list = field(default_factory=list)
    resume_key: object = None
    resume_url: str | None = None
    resume_title: str = ""

    @property
    def knowledge_gain(self) -> int | None:
        if self.pre_test_score is None or self.post_test_score is None:
            return None
        return self.post_test_score - self.pre_test_score


def _children_of(courses):
    condition = Q(pk__in=[])
    for course in courses:
        condition |= Q(path__startswith=course.path, depth=course.depth + 1)
    return condition


def summarise_enrollments(enrollments, *, request=None) -> list[EnrollmentSummary]:
    """Summaries in the order given; about 8 queries for any number of enrollments."""
    pks = [e.pk for e in enrollments]
    if not pks:
        return []
    if all(Enrollment.run.is_cached(e) and CourseRun.course.is_cached(e.run) for e in enrollments):
        rows = list(enrollments)  # the caller already loaded runs and courses
    else:
        loaded = Enrollment.objects.select_related("run", "run__course").in_bulk(pks)
        rows = [loaded[pk] for pk in pks if pk in loaded]
    courses = {e.run.course.pk: e.run.course for e in rows}
    run_ids = {e.run_id for e in rows}

    lessons_by_parent = defaultdict(list)
    for lesson in (
        LessonPage.objects.live()
        .filter(_children_of(courses.values()))
        .only("path", "depth", "translation_key", "required", "title")
        .order_by("path")
    ):
        lessons_by_parent[lesson.path[: -LessonPage.steplen]].append(lesson)
    tests_by_parent = defaultdict(dict)
    for test in (
        AssessmentPage.objects.live()
        .filter(_children_of(courses.values()))
        .only("path", "kind", "pass_mark")
        .order_by("path")
    ):
        tests_by_parent[test.path[: -AssessmentPage.steplen]].setdefault(test.kind, test)

    done = defaultdict(set)
    for enrollment_id, key in LessonProgress.objects.filter(enrollment_id__in=pks).values_list(
        "enrollment_id", "lesson_key"
    ):
        done[enrollment_id].add(key)
    sessions = dict(
        Session.objects.filter(run_id__in=run_ids)
        .values("run_id")
        .annotate(n=Count("pk"))
        .values_list("run_id", "n")
    )
    marks = defaultdict(list)
    for enrollment_id, status in Attendance.objects.filter(enrollment_id__in=pks).values_list(
        "enrollment_id", "status"
    ):
        marks[enrollment_id].append(status)
    attempts = defaultdict(list)
    for attempt in (
        Attempt.objects.filter(enrollment_id__in=pks, submitted_at__isnull=False)
        .order_by("number")
        .values("enrollment_id", "kind", "score", "passed")
    ):
        attempts[attempt["enrollment_id"]].append(attempt)

    summaries = []
    for enrollment in rows:
        course = enrollment.run.course
        lessons = lessons_by_parent[course.path]
        facts = [
            LessonFact(key=lesson.translation_key, required=lesson.required) for lesson in lessons
        ]
        progress = lesson_progress(facts, done[enrollment.pk])
        tests = tests_by_parent[course.path]
        run = enrollment.run
        n_sessions = sessions.get(run.pk, 0)
        statuses = marks[enrollment.pk]
        percent = attendance_percent(statuses, sessions=n_sessions)
        pre = [a for a in attempts[enrollment.pk] if a["kind"] == AssessmentKind.PRE_TEST]
        post = [a for a in attempts[enrollment.pk] if a["kind"] == AssessmentKind.POST_TEST]
        passed = any(a["passed"] for a in post)
        complete, missing = evaluate(
            CompletionFacts(
                min_attendance_percent=run.min_attendance_percent,
                require_lessons=run.require_lessons,
                require_post_test=run.require_post_test,
                sessions=n_sessions,
                attendance_percent=percent,
                required_lessons_total=progress.required_total,
                required_lessons_done=progress.required_done,
                post_test_exists=AssessmentKind.POST_TEST in tests,
                post_test_passed=passed,
            )
        )
        summary = EnrollmentSummary(
            enrollment=enrollment,
            progress=progress,
            sessions=n_sessions,
            present=statuses.count(AttendanceStatus.PRESENT),
            absent=statuses.count(AttendanceStatus.ABSENT),
            excused=statuses.count(AttendanceStatus.EXCUSED),
            attendance_percent=percent,
            pre_test_score=pre[0]["score"] if pre else None,
            post_test_score=max(a["score"] for a in post) if post else None,
            post_test_attempts=len(post),
            post_test_passed=passed,
            has_pre_test=AssessmentKind.PRE_TEST in tests,
            has_post_test=AssessmentKind.POST_TEST in tests,
            complete=complete,
            missing=missing,
        )
        summary.resume_key = resume_key(facts, done[enrollment.pk])
        summaries.append(summary)
    _add_resume_links(summaries, request)
    return summaries


def summarise_enrollment(enrollment, *, request=None) -> EnrollmentSummary:
    return summarise_enrollments([enrollment], request=request)[0]


def _add_resume_links(summaries, request) -> None:
    """The lesson to continue with, in the visitor's language when it is translated (1 query)."""
    keys = {s.resume_key for s in summaries if s.resume_key}
    if not keys:
        return
    language = translation.get_language() or "ar"
    found = {}
    for lesson in (
        LessonPage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .only("title", "url_path", "path", "depth", "translation_key", "locale__language_code")
        .order_by("path")
    ):
        current = found.get(lesson.translation_key)
        if current is None or (
            lesson.locale.language_code == language and current.locale.language_code != language
        ):
            found[lesson.translation_key] = lesson
    for summary in summaries:
        lesson = found.get(summary.resume_key)
        if lesson is not None:
            summary.resume_url = lesson.get_url(request=request)
            summary.resume_title = lesson.title

"""Read side of the learning pages: a course's family of pages, a trainee's place and what they did.

This module imports no `courses.models`: the lesson and test pages build their context from it in
`get_context` (a page owns its context), so it reaches enrollments and progress through the
relations of the objects it is given and pages through Wagtail's `Page`.
"""

from django.db.models import Q

from wagtail.models import Page

from ..choices import LEARNING_STATUSES, EnrollmentStatus


def course_family(page):
    """The course above `page` and the course's live children, in one query.

    Returns (course, lessons, tests); lessons are LessonPage rows joined to their Page row.
    """
    parent_path = page.path[: -page.steplen]
    rows = (
        Page.objects.filter(
            Q(path=parent_path) | Q(path__startswith=parent_path, depth=page.depth, live=True)
        )
        .select_related("coursepage", "lessonpage", "assessmentpage")
        .defer("lessonpage__body", "assessmentpage__questions", "coursepage__description")
        .order_by("path")
    )
    course, lessons, tests = None, [], []
    for row in rows:
        if row.path == parent_path:
            course = getattr(row, "coursepage", None)
        elif hasattr(row, "lessonpage"):
            lessons.append(row.lessonpage)
        elif hasattr(row, "assessmentpage"):
            tests.append(row.assessmentpage)
    return course, lessons, tests


def course_of(page):
    """The course page a lesson or test sits under (None for a page outside a course)."""
    parent = (
        Page.objects.filter(path=page.path[: -page.steplen]).select_related("coursepage").first()
    )
    return getattr(parent, "coursepage", None)


def learning_enrollment(*, user, course):
    """The user's place on a run of the course (any translation): the current one first."""
    if not user.is_authenticated or course is None:
        return None
    places = list(
        user.enrollments.filter(
            status__in=LEARNING_STATUSES, run__course__translation_key=course.translation_key
        ).order_by("-created_at", "-pk")
    )
    # A place still in progress comes before a completed one.
    current = [e for e in places if e.status == EnrollmentStatus.ENROLLED]
    return (current or places or [None])[0]


def lessons_done(enrollment) -> set:
    """Translation keys of the lessons the enrollment marked done (empty without a place)."""
    if enrollment is None:
        return set()
    return set(enrollment.lesson_progress.values_list("lesson_key", flat=True))


def attempts_at(enrollment, kind: str) -> list:
    """The enrollment's attempts at tests of `kind`, in order (empty without a place)."""
    if enrollment is None:
        return []
    return list(enrollment.attempts.filter(kind=kind))

"""Lesson pages: bodies for trainees with a place, the outline for everyone else."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from ..exceptions import CourseError
from ..models import CoursePage, LessonPage, LessonProgress
from ..permissions import may_read
from ..rules.progress import LessonFact, lesson_progress, resume_key
from ..services.learning import learning_enrollment, mark_lesson_done


def course_of(page) -> CoursePage:
    return CoursePage.objects.get(path=page.path[: -page.steplen])


def course_children(course, model):
    return (
        model.objects.live()
        .filter(path__startswith=course.path, depth=course.depth + 1)
        .defer_streamfields()
        .order_by("path")
    )


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
            course = row.coursepage
        elif hasattr(row, "lessonpage"):
            lessons.append(row.lessonpage)
        elif hasattr(row, "assessmentpage"):
            tests.append(row.assessmentpage)
    return course, lessons, tests


def lesson_context(request, page: LessonPage) -> dict:
    """What the lesson page shows (also used by the admin preview)."""
    course, lessons, tests = course_family(page)
    enrollment = learning_enrollment(user=request.user, course=course)
    done = set()
    if enrollment is not None:
        done = set(
            LessonProgress.objects.filter(enrollment=enrollment).values_list(
                "lesson_key", flat=True
            )
        )
    facts = [LessonFact(key=lesson.translation_key, required=lesson.required) for lesson in lessons]
    index = next((i for i, lesson in enumerate(lessons) if lesson.pk == page.pk), 0)
    next_key = resume_key(facts, done)
    outline = [
        {
            "lesson": lesson,
            "done": lesson.translation_key in done,
            "current": lesson.pk == page.pk,
            "resume": enrollment is not None and lesson.translation_key == next_key,
        }
        for lesson in lessons
    ]
    return {
        "course": course,
        "outline": outline,
        "tests": tests,
        "enrollment": enrollment,
        "can_read": may_read(request.user, course, enrollment),
        "is_done": page.translation_key in done,
        "position": index + 1,
        "progress": lesson_progress(facts, done),
        "resume": next(
            (item["lesson"] for item in outline if item["resume"] and not item["current"]), None
        ),
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
        "total_minutes": sum(lesson.duration_minutes for lesson in lessons),
    }


def live_translation(model, translation_key):
    """The live `model` page with this translation key in the current language, else in any
    language; 404 when there is none."""
    language = translation.get_language()
    pages = list(
        model.objects.live().filter(translation_key=translation_key).select_related("locale")
    )
    if not pages:
        raise Http404
    return next((p for p in pages if p.locale.language_code == language), pages[0])


@login_required
@require_POST
def lesson_done(request, lesson_key):
    lesson = live_translation(LessonPage, lesson_key)
    try:
        mark_lesson_done(user=request.user, lesson=lesson)
    except CourseError as error:
        messages.error(request, error.message)
        return redirect(lesson.get_url(request=request))
    following = lesson.get_next_siblings().live().type(LessonPage).first()
    messages.success(request, _("Lesson marked as done."))
    return redirect((following or lesson).get_url(request=request))

"""A trainee's own progress on one run: lessons, attendance, scores, what is missing."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation

from ..models import AssessmentPage, Attendance, Enrollment, LessonPage, LessonProgress
from ..queries.progress import summarise_enrollment


def _in_language(pages):
    """One page per translation key, preferring the visitor's language."""
    language = translation.get_language()
    chosen = {}
    for page in pages:
        if page.translation_key not in chosen or page.locale.language_code == language:
            chosen[page.translation_key] = page
    return chosen


@login_required
def run_progress(request, enrollment_id):
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("run__course"), public_id=enrollment_id, user=request.user
    )
    summary = summarise_enrollment(enrollment, request=request)
    course = enrollment.run.course
    lessons = list(
        LessonPage.objects.live()
        .filter(path__startswith=course.path, depth=course.depth + 1)
        .defer_streamfields()
        .order_by("path")
    )
    shown = _in_language(
        LessonPage.objects.live()
        .filter(translation_key__in=[lesson.translation_key for lesson in lessons])
        .defer_streamfields()
        .select_related("locale")
    )
    done = set(
        LessonProgress.objects.filter(enrollment=enrollment).values_list("lesson_key", flat=True)
    )
    tests = _in_language(
        AssessmentPage.objects.live()
        .filter(
            translation_key__in=AssessmentPage.objects.filter(
                path__startswith=course.path, depth=course.depth + 1
            ).values("translation_key")
        )
        .defer_streamfields()
        .select_related("locale")
    )
    marks = dict(
        Attendance.objects.filter(enrollment=enrollment).values_list("session_id", "status")
    )
    context = {
        "enrollment": enrollment,
        "summary": summary,
        "course_title": _in_language(
            type(course)
            .objects.filter(translation_key=course.translation_key)
            .select_related("locale")
        )[course.translation_key].title,
        "lessons": [
            {
                "page": shown.get(lesson.translation_key, lesson),
                "done": lesson.translation_key in done,
                "required": lesson.required,
            }
            for lesson in lessons
        ],
        "tests": sorted(tests.values(), key=lambda test: test.kind != "pre"),
        "attempts": list(enrollment.attempts.filter(submitted_at__isnull=False)),
        "sessions": [
            {"session": session, "status": marks.get(session.pk, "")}
            for session in enrollment.run.sessions.all()
        ],
    }
    return TemplateResponse(request, "courses/run_progress.html", context)

"""Lessons: mark one done. (The lesson page builds its own context: LessonPage.get_context.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..exceptions import CourseError
from ..models import LessonPage
from ..services.learning import mark_lesson_done


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

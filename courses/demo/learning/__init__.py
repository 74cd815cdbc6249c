"""Demo learning data: lessons and both tests for the first two courses in three languages, a run
in progress with trainees at different stages and a finished run (some completed, some not).

Runs after courses.demo.catalogue; does nothing when there is no course. Idempotent.
"""

from django.db import transaction

from wagtail.models import Locale

from training_site.demo.site import translate_page

from ...models import AssessmentPage, CoursePage, LessonPage
from .assessments import TESTS, test_fields
from .lessons import LESSONS, lesson_fields
from .runs import seed_finished_run, seed_instructors, seed_running_run, seed_trainees

LANGS = ("ar", "en", "fr")


def _say(stdout, text):
    if stdout is not None:
        stdout.write(text)


def seed(*, stdout=None) -> None:
    courses = list(CoursePage.objects.filter(locale__language_code="ar").order_by("path")[:2])
    if not courses:
        _say(stdout, "Learning demo: no course found, nothing to do.")
        return
    with transaction.atomic():
        locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGS}
        for course in courses:
            for lesson in LESSONS:
                _page(course, locales, LessonPage, lesson["slug"], lesson_fields(lesson))
            for kind, test in TESTS.items():
                _page(course, locales, AssessmentPage, test["slug"], test_fields(kind, test))
        seed_instructors(courses)
        trainees = seed_trainees()
        seed_running_run(courses[0], trainees)
        seed_finished_run(courses[0], trainees)
    _say(stdout, "Learning demo: lessons, tests, a run in progress and a finished run.")


def _page(course, locales, model, slug, fields):
    page = model.objects.child_of(course).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug, **fields("ar"))
        course.add_child(instance=page)
        page.save_revision().publish()
    for code in ("en", "fr"):
        if course.get_translation_or_none(locales[code]) is not None:
            translate_page(page, locales[code], {**fields(code), "slug": slug})
    return page

"""Learning: lessons, tests and their questions, progress, attempts, attendance."""

import json
import uuid

from django.utils import timezone

import factory
import wagtail_factories

from courses import choices
from courses.models import AssessmentPage, Attempt, Attendance, LessonPage, LessonProgress

from .catalogue import SessionFactory
from .enrollment import EnrollmentFactory


def question_data(
    qid: str, text: str, choices: list[tuple[str, str, bool]], *, multiple=False, explanation=""
) -> dict:
    """Raw StreamField data for one question; choices are (id, text, correct)."""
    return {
        "type": "question",
        "id": qid,
        "value": {
            "text": text,
            "multiple": multiple,
            "explanation": explanation,
            "choices": [
                {"type": "item", "id": cid, "value": {"text": ctext, "correct": correct}}
                for cid, ctext, correct in choices
            ],
        },
    }


SAMPLE_QUESTIONS = [
    question_data(
        "q-single",
        "Which is an element of trafficking in persons?",
        [("a1", "The act", True), ("a2", "The weather", False), ("a3", "The colour", False)],
        explanation="Act, means and purpose.",
    ),
    question_data(
        "q-multi",
        "Which are forms of exploitation?",
        [
            ("b1", "Forced labour", True),
            ("b2", "Sexual exploitation", True),
            ("b3", "Tourism", False),
        ],
        multiple=True,
    ),
]


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    intro = "What this lesson covers."
    body = json.dumps(
        [{"type": "paragraph", "value": "<p>Secret lesson body text.</p>", "id": "p1"}]
    )
    duration_minutes = 20
    required = True


class AssessmentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AssessmentPage

    title = factory.Sequence(lambda n: f"Test {n}")
    slug = factory.Sequence(lambda n: f"test-{n}")
    kind = choices.AssessmentKind.POST_TEST
    pass_mark = 70
    max_attempts = 2
    questions = json.dumps(SAMPLE_QUESTIONS)


class LessonProgressFactory(factory.django.DjangoModelFactory):
    """A lesson marked done: `LessonProgressFactory(enrollment=e, lesson=page)`."""

    class Meta:
        model = LessonProgress

    class Params:
        lesson = None

    enrollment = factory.SubFactory(EnrollmentFactory)
    lesson_key = factory.LazyAttribute(
        lambda o: o.lesson.translation_key if o.lesson is not None else uuid.uuid4()
    )


class AttemptFactory(factory.django.DjangoModelFactory):
    """An attempt at `assessment` (required), started and not submitted.

    `score=N` gives a submitted attempt with that score; traits: `passing=True` (submitted,
    100 %, passed), `failing=True` (submitted, 0 %, not passed)."""

    class Meta:
        model = Attempt

    class Params:
        passing = factory.Trait(score=100, passed=True)
        failing = factory.Trait(score=0, passed=False)

    enrollment = factory.SubFactory(EnrollmentFactory)
    kind = factory.LazyAttribute(lambda o: o.assessment.kind)
    number = 1
    seed = factory.Sequence(lambda n: n + 1)
    score = None
    submitted_at = factory.LazyAttribute(lambda o: None if o.score is None else timezone.now())


class AttendanceFactory(factory.django.DjangoModelFactory):
    """A trainee present at a session of their run. `absent=True`, `excused=True`: the other
    marks of a roll call."""

    class Meta:
        model = Attendance

    class Params:
        absent = factory.Trait(status=choices.AttendanceStatus.ABSENT)
        excused = factory.Trait(status=choices.AttendanceStatus.EXCUSED)

    enrollment = factory.SubFactory(EnrollmentFactory)
    session = factory.SubFactory(SessionFactory, run=factory.SelfAttribute("..enrollment.run"))
    status = choices.AttendanceStatus.PRESENT

"""Learning: lessons and assessments under a course, progress, attempts and attendance."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from training_site.admin.panels import StaffSetsPrivacyMixin
from training_site.core.history import StatusChange
from training_site.core.text import TextLinesField

from ..blocks import LessonStreamBlock, QuestionStreamBlock
from ..choices import AssessmentKind, AttendanceStatus, ReviewPolicy
from ..permissions import may_read
from ..queries.learning import (
    attempts_at,
    course_family,
    course_of,
    learning_enrollment,
    lessons_done,
)
from ..rules.assessment import Question, shuffled_choices
from ..rules.progress import LessonFact, lesson_progress, resume_key


class LessonPage(StaffSetsPrivacyMixin, Page):
    """Online learning material inside a course; lessons are read in their order under it."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/core/routing.py
    is_course_material = True  # read by a course's trainees, staff and instructors only

    intro = TextLinesField(_("introduction"), blank=True, max_length=500)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("estimated duration (minutes)"), default=15
    )
    required = models.BooleanField(
        _("required for completion"),
        default=True,
        help_text=_("Trainees must mark this lesson done to complete the course."),
    )

    content_panels = [
        *Page.content_panels,
        "intro",
        FieldRowPanel(["duration_minutes", "required"]),
        "body",
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_context(self, request, *args, **kwargs):
        """The course outline for everyone; the body, progress and pager for those who may read."""
        context = super().get_context(request, *args, **kwargs)
        course, lessons, tests = course_family(self)
        enrollment = learning_enrollment(user=request.user, course=course)
        done = lessons_done(enrollment)
        facts = [
            LessonFact(key=lesson.translation_key, required=lesson.required) for lesson in lessons
        ]
        index = next((i for i, lesson in enumerate(lessons) if lesson.pk == self.pk), 0)
        next_key = resume_key(facts, done)
        outline = [
            {
                "lesson": lesson,
                "done": lesson.translation_key in done,
                "current": lesson.pk == self.pk,
                "resume": enrollment is not None and lesson.translation_key == next_key,
            }
            for lesson in lessons
        ]
        context.update(
            course=course,
            outline=outline,
            tests=tests,
            enrollment=enrollment,
            can_read=may_read(request.user, course, enrollment),
            is_done=self.translation_key in done,
            position=index + 1,
            progress=lesson_progress(facts, done),
            resume=next(
                (item["lesson"] for item in outline if item["resume"] and not item["current"]),
                None,
            ),
            previous_lesson=lessons[index - 1] if index > 0 else None,
            next_lesson=lessons[index + 1] if index + 1 < len(lessons) else None,
            total_minutes=sum(lesson.duration_minutes for lesson in lessons),
        )
        return context


class AssessmentPage(StaffSetsPrivacyMixin, Page):
    """A multiple-choice test of a course: the pre-test (knowledge before) or the post-test."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/core/routing.py
    is_course_material = True  # read by a course's trainees, staff and instructors only

    kind = models.CharField(
        _("kind"), max_length=10, choices=AssessmentKind.choices, default=AssessmentKind.POST_TEST
    )
    intro = TextLinesField(_("introduction"), blank=True, max_length=800)
    pass_mark = models.PositiveSmallIntegerField(
        _("pass mark (%)"), default=70, help_text=_("Score needed to pass the post-test.")
    )
    max_attempts = models.PositiveSmallIntegerField(_("attempts allowed"), default=3)
    review_policy = models.CharField(
        _("what the result page shows"),
        max_length=20,
        choices=ReviewPolicy.choices,
        default=ReviewPolicy.NEVER,
        help_text=_(
            "Correct answers shown to a trainee who still has attempts left would give the test "
            "away: no policy shows them before the last attempt or a pass."
        ),
    )
    questions = StreamField(QuestionStreamBlock(), verbose_name=_("questions"), blank=True)

    content_panels = [
        *Page.content_panels,
        "intro",
        MultiFieldPanel(
            [FieldRowPanel(["kind", "pass_mark", "max_attempts"]), "review_policy"],
            heading=_("Rules"),
        ),
        FieldPanel("questions"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types: list = []

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")

    def clean(self):
        super().clean()
        if self.kind == AssessmentKind.PRE_TEST and self.review_policy != ReviewPolicy.NEVER:
            raise ValidationError(
                {
                    "review_policy": _(
                        "A pre-test never shows its correct answers: its questions usually "
                        "come back in the post-test."
                    )
                }
            )

    def get_context(self, request, *args, **kwargs):
        """The open attempt's questions, past attempts, or the outline for those without a place."""
        context = super().get_context(request, *args, **kwargs)
        course = course_of(self)
        enrollment = learning_enrollment(user=request.user, course=course)
        attempts = attempts_at(enrollment, self.kind)
        open_attempt = next((a for a in attempts if not a.is_submitted), None)
        submitted = [a for a in attempts if a.is_submitted]
        passed = any(a.passed for a in submitted)
        context.update(
            course=course,
            enrollment=enrollment,
            can_read=may_read(request.user, course, enrollment),
            open_attempt=open_attempt,
            questions=self.displayed_questions(seed=open_attempt.seed if open_attempt else None),
            submitted=submitted,
            attempts_left=max(self.max_attempts - len(attempts), 0),
            passed=passed,
            may_start=enrollment is not None
            and open_attempt is None
            and len(attempts) < self.max_attempts
            and not (passed and self.kind == AssessmentKind.POST_TEST),
        )
        return context

    def displayed_questions(self, *, seed=None, with_answers=False) -> list[dict]:
        """Questions for display; choices in the attempt's order when a seed is given. Which
        choices are correct, and the explanations, only `with_answers` (the review rule decides)."""
        questions = []
        for block in self.questions:
            if block.block_type != "question":
                continue
            choices = {child.id: child.value for child in block.value["choices"].bound_blocks}
            order = list(choices)
            if seed is not None:
                order = shuffled_choices(order, seed=seed, question_id=block.id)
            shown = []
            for key in order:
                choice = {"id": key, "text": choices[key]["text"]}
                if with_answers:
                    choice["correct"] = bool(choices[key]["correct"])
                shown.append(choice)
            questions.append(
                {
                    "id": block.id,
                    "text": block.value["text"],
                    "multiple": block.value["multiple"],
                    "explanation": block.value["explanation"] if with_answers else "",
                    "choices": shown,
                }
            )
        return questions

    def question_data(self):
        """Plain data for the scoring rule: [(question id, {correct choice ids}, {all ids})]."""
        result = []
        for block in self.questions:
            if block.block_type != "question":
                continue
            choices = block.value["choices"].bound_blocks
            result.append(
                Question(
                    id=block.id,
                    choice_ids=tuple(c.id for c in choices),
                    correct_ids=frozenset(c.id for c in choices if c.value["correct"]),
                    multiple=bool(block.value["multiple"]),
                )
            )
        return result


class LessonProgress(models.Model):
    """A lesson marked done by a trainee for one enrollment (any translation of the lesson)."""

    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="lesson_progress"
    )
    lesson_key = models.UUIDField(_("lesson (translation key)"), db_index=True)
    done_at = models.DateTimeField(_("done at"), auto_now_add=True)

    class Meta:
        verbose_name = _("lesson done")
        verbose_name_plural = _("lessons done")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "lesson_key"], name="lesson_done_once")
        ]

    def __str__(self):
        return f"{self.enrollment_id}: {self.lesson_key}"


class Attempt(models.Model):
    """One attempt at an assessment; choices are shown in the order given by its seed."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="attempts"
    )
    assessment = models.ForeignKey(
        AssessmentPage, on_delete=models.PROTECT, related_name="attempts"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AssessmentKind.choices)
    number = models.PositiveSmallIntegerField(_("attempt number"))
    seed = models.PositiveIntegerField(_("shuffle seed"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["started_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment", "kind", "number"], name="attempt_number_unique"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.number}"

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None


class Attendance(models.Model):
    """A trainee's presence at one session of their run."""

    session = models.ForeignKey(
        "courses.Session", on_delete=models.CASCADE, related_name="attendance"
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="attendance"
    )
    status = models.CharField(_("status"), max_length=10, choices=AttendanceStatus.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrollment"], name="attendance_once")
        ]

    def __str__(self):
        return f"{self.session_id}/{self.enrollment_id}: {self.status}"


class AttendanceChange(StatusChange):
    """One change of a trainee's mark for a session: who, when, before and after. Written with
    every mark by courses.services.learning.record_attendance; never edited."""

    session = models.ForeignKey(
        "courses.Session", on_delete=models.CASCADE, related_name="attendance_changes"
    )
    enrollment = models.ForeignKey(
        "courses.Enrollment", on_delete=models.CASCADE, related_name="attendance_changes"
    )
    from_status = models.CharField(
        _("before"), max_length=10, choices=AttendanceStatus.choices, blank=True
    )
    to_status = models.CharField(_("after"), max_length=10, choices=AttendanceStatus.choices)
    reason = None  # a mark has no reason to give

    class Meta(StatusChange.Meta):
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")

    def __str__(self):
        return (
            f"{self.session_id}/{self.enrollment_id}: {self.from_status or '-'} → {self.to_status}"
        )

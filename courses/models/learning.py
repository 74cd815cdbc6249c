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

from training_site.admin_panels import StaffSetsPrivacyMixin
from training_site.core.text import TextLinesField

from ..blocks import LessonStreamBlock, QuestionStreamBlock
from ..choices import AssessmentKind, AttendanceStatus, ReviewPolicy


class LessonPage(StaffSetsPrivacyMixin, Page):
    """Online learning material inside a course; lessons are read in their order under it."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/core/routing.py

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

    def get_template(self, request, *args, **kwargs):
        return "courses/lesson_page.html"

    def get_context(self, request, *args, **kwargs):
        from ..views.learning import lesson_context

        context = super().get_context(request, *args, **kwargs)
        context.update(lesson_context(request, self))
        return context


class AssessmentPage(StaffSetsPrivacyMixin, Page):
    """A multiple-choice test of a course: the pre-test (knowledge before) or the post-test."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/core/routing.py

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

    def get_template(self, request, *args, **kwargs):
        return "courses/assessment_page.html"

    def get_context(self, request, *args, **kwargs):
        from ..views.assessments import assessment_context

        context = super().get_context(request, *args, **kwargs)
        context.update(assessment_context(request, self))
        return context

    def question_data(self):
        """Plain data for the scoring rule: [(question id, {correct choice ids}, {all ids})]."""
        from ..rules.assessment import Question

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


class AttendanceChange(models.Model):
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
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendance change")
        verbose_name_plural = _("attendance changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return (
            f"{self.session_id}/{self.enrollment_id}: {self.from_status or '-'} → {self.to_status}"
        )

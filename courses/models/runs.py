"""Course runs: the dated offerings of a course, with their sessions."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from training_site.core.text import TextLineField

from ..choices import (
    SEAT_HOLDING_STATUSES,
    AdmissionPolicy,
    DeliveryMode,
    InstructionLanguage,
    RunStatus,
)


class CourseRunQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(course__live=True)

    def upcoming(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__gte=today)

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(end_date__lt=today)

    def open_for_enrollment(self, now=None):
        now = now or timezone.now()
        return self.filter(
            status=RunStatus.SCHEDULED, enrollment_opens__lte=now, enrollment_closes__gte=now
        )

    def with_seats_taken(self):
        return self.annotate(
            seats_taken=Count(
                "enrollments", filter=Q(enrollments__status__in=SEAT_HOLDING_STATUSES)
            )
        )


class CourseRun(ClusterableModel):
    """One dated offering of a course."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="+"
    )
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    delivery_mode = models.CharField(
        _("delivery mode"),
        max_length=20,
        choices=DeliveryMode.choices,
        default=DeliveryMode.IN_PERSON,
    )
    language = models.CharField(
        _("language of instruction"),
        max_length=2,
        choices=InstructionLanguage.choices,
        default=InstructionLanguage.ARABIC,
    )
    venue = TextLineField(_("venue"), max_length=200, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    capacity = models.PositiveSmallIntegerField(_("seats"), default=25)
    seats_per_country = models.PositiveSmallIntegerField(
        _("seats per country"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit per country."),
    )
    enrollment_opens = models.DateTimeField(_("enrollment opens"))
    enrollment_closes = models.DateTimeField(_("enrollment closes"))
    admission_policy = models.CharField(
        _("admission policy"),
        max_length=20,
        choices=AdmissionPolicy.choices,
        default=AdmissionPolicy.APPROVAL,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus.choices, default=RunStatus.SCHEDULED
    )
    # Completion rules
    min_attendance_percent = models.PositiveSmallIntegerField(
        _("minimum attendance (%)"),
        default=80,
        help_text=_("Share of the run's sessions a trainee must attend. 0 for no requirement."),
    )
    require_lessons = models.BooleanField(_("required lessons must be done"), default=True)
    require_post_test = models.BooleanField(_("post-test must be passed"), default=True)
    # Certificates
    certificate_template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("certificate template"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="runs",
    )
    auto_issue_certificates = models.BooleanField(
        _("issue certificates automatically on completion"), default=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CourseRunQuerySet.as_manager()

    panels = [
        FieldPanel("course"),
        MultiFieldPanel(
            [
                FieldRowPanel(["start_date", "end_date"]),
                FieldRowPanel(["delivery_mode", "language"]),
                "venue",
                "online_url",
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["capacity", "seats_per_country"]),
                FieldRowPanel(["enrollment_opens", "enrollment_closes"]),
                "admission_policy",
                "status",
            ],
            heading=_("Enrollment"),
        ),
        MultiFieldPanel(
            ["min_attendance_percent", "require_lessons", "require_post_test"],
            heading=_("Completion rules"),
        ),
        MultiFieldPanel(
            ["certificate_template", "auto_issue_certificates"], heading=_("Certificates")
        ),
        InlinePanel("sessions", label=_("Sessions")),
    ]

    class Meta:
        verbose_name = _("course run")
        verbose_name_plural = _("course runs")
        ordering = ["start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="run_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.course.title} ({self.start_date:%Y-%m-%d})"

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The run cannot end before it starts.")
        if self.enrollment_opens and self.enrollment_closes:
            if self.enrollment_closes < self.enrollment_opens:
                errors["enrollment_closes"] = _("Enrollment cannot close before it opens.")
            elif self.start_date and timezone.localdate(self.enrollment_closes) > self.start_date:
                errors["enrollment_closes"] = _("Enrollment must close before the run starts.")
        if errors:
            raise ValidationError(errors)

    def seats_left(self) -> int:
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            taken = self.enrollments.filter(status__in=SEAT_HOLDING_STATUSES).count()
        return max(self.capacity - taken, 0)

    def is_open_for_enrollment(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == RunStatus.SCHEDULED
            and self.enrollment_opens <= now <= self.enrollment_closes
        )

    @property
    def is_cancelled(self) -> bool:
        return self.status == RunStatus.CANCELLED


class Session(Orderable):
    """One scheduled meeting of a run; attendance is taken per session."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = ParentalKey(CourseRun, related_name="sessions", on_delete=models.CASCADE)
    title = TextLineField(_("title"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = TextLineField(_("room"), max_length=100, blank=True)

    panels = ["title", FieldRowPanel(["starts_at", "ends_at"]), "room"]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title or f"{self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})

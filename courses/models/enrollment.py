"""Trainees' profiles and their places on runs, with the history of every status change."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from django_countries.fields import CountryField

from training_site.core.history import StatusChange
from training_site.core.text import TextLineField

from ..choices import (
    ACTIVE_STATUSES,
    SEAT_HOLDING_STATUSES,
    EnrollmentStatus,
    OrganisationType,
    Sex,
)


class TraineeProfile(models.Model):
    """What the centre needs to know about a trainee; the Latin name goes on certificates."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainee_profile"
    )
    name_latin = TextLineField(
        _("full name in Latin script"),
        max_length=150,
        help_text=_("As written in your passport. It is printed on your certificates."),
    )
    name_arabic = TextLineField(_("full name in Arabic script"), max_length=150, blank=True)
    country = CountryField(_("country"))
    organisation = TextLineField(_("organisation"), max_length=200)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=30, choices=OrganisationType.choices
    )
    job_title = TextLineField(_("job title"), max_length=150)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="ar"
    )
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trainee profile")
        verbose_name_plural = _("trainee profiles")

    def __str__(self):
        return self.name_latin

    @property
    def is_complete(self) -> bool:
        return bool(
            self.name_latin
            and self.country
            and self.organisation
            and self.organisation_type
            and self.job_title
            and self.consent_at
        )


class EnrollmentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def waitlist(self):
        return self.filter(status=EnrollmentStatus.WAITLISTED).order_by("waitlisted_at", "pk")


class Enrollment(models.Model):
    """A person's place in a run, with its status."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    run = models.ForeignKey(
        "courses.CourseRun",
        verbose_name=_("course run"),
        on_delete=models.PROTECT,
        related_name="enrollments",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EnrollmentStatus.choices,
        default=EnrollmentStatus.PENDING,
        db_index=True,
    )
    waitlisted_at = models.DateTimeField(_("waitlisted at"), null=True, blank=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent at"), null=True, blank=True)
    created_at = models.DateTimeField(_("applied at"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EnrollmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("enrollment")
        verbose_name_plural = _("enrollments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "run"], name="one_enrollment_per_person_per_run"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.run}"

    @property
    def holds_seat(self) -> bool:
        return self.status in SEAT_HOLDING_STATUSES


class EnrollmentStatusChange(StatusChange):
    """Every status change of an enrollment: from, to, who, when, why."""

    enrollment = models.ForeignKey(Enrollment, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(
        _("from"), max_length=20, choices=EnrollmentStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=EnrollmentStatus.choices)

    class Meta(StatusChange.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.from_status or '-'} → {self.to_status}"

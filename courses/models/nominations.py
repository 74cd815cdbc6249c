"""Focal points, their nominations (and staff invitations), and invitation letters."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from django_countries.fields import CountryField

from training_site.core.codes import random_code
from training_site.core.text import TextLineField

from ..choices import NominationStatus

# How long an invitation link stays valid (seconds). Overridable in settings.
DEFAULT_LINK_MAX_AGE = 30 * 24 * 3600


def link_max_age() -> int:
    return int(getattr(settings, "NOMINATION_LINK_MAX_AGE", DEFAULT_LINK_MAX_AGE))


class FocalPoint(models.Model):
    """A user whom the centre tied to one country: they nominate that country's officials."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="focal_point",
    )
    country = CountryField(_("country"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        ordering = ["country", "pk"]

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.email} ({self.country.name})"


class NominationQuerySet(models.QuerySet):
    def expiry_cutoff(self, now=None):
        return (now or timezone.now()) - dt.timedelta(seconds=link_max_age())

    def live(self, now=None):
        """Sent and not yet expired: these hold a claim on the country's quota."""
        return self.filter(status=NominationStatus.SENT, sent_at__gte=self.expiry_cutoff(now))


class Nomination(models.Model):
    """A focal point's proposal of an official for a run, or a staff invitation by e-mail."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = models.ForeignKey(
        "courses.CourseRun",
        verbose_name=_("course run"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by (focal point)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nominations_made",
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by (staff)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitations_made",
    )
    country = CountryField(_("country"), blank=True)
    name = TextLineField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    organisation = TextLineField(_("organisation"), max_length=200, blank=True)
    job_title = TextLineField(_("job title"), max_length=150, blank=True)
    language = models.CharField(
        _("language of the invitation"), max_length=2, choices=settings.LANGUAGES, default="ar"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=NominationStatus.choices,
        default=NominationStatus.SENT,
        db_index=True,
    )
    enrollment = models.OneToOneField(
        "courses.Enrollment",
        verbose_name=_("enrollment"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="nomination",
    )
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-sent_at", "pk"]

    def __str__(self):
        return f"{self.name} <{self.email}> – {self.run}"

    @property
    def is_staff_invitation(self) -> bool:
        return self.invited_by_id is not None and self.nominated_by_id is None

    def expires_at(self):
        return self.sent_at + dt.timedelta(seconds=link_max_age())

    def is_expired(self, now=None) -> bool:
        return self.status == NominationStatus.SENT and (now or timezone.now()) > self.expires_at()

    @property
    def shown_status(self) -> str:
        """The status as people should read it: an unanswered link past its age has expired."""
        return NominationStatus.EXPIRED if self.is_expired() else self.status

    def get_shown_status_display(self):
        return NominationStatus(self.shown_status).label


# Letters: no 0/O/1/I/L, so a code read over the phone is not misheard.
LETTER_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_letter_code() -> str:
    """Such as ABCD-EFGH-JKMN (the field default: the migrations name this function)."""
    return random_code(LETTER_ALPHABET, 12, 4)


class InvitationLetter(models.Model):
    """The official invitation letter of an admitted trainee, with a code the centre confirms."""

    enrollment = models.OneToOneField(
        "courses.Enrollment",
        verbose_name=_("enrollment"),
        on_delete=models.CASCADE,
        related_name="invitation_letter",
    )
    code = models.CharField(_("reference"), max_length=20, unique=True, default=new_letter_code)
    name_latin = TextLineField(_("name as in the passport"), max_length=150)
    # The run's dates when the letter was first issued: a visa is asked for these dates, so a
    # later change of the run's dates is shown on the check page, not hidden by it.
    start_date = models.DateField(_("start date stated"))
    end_date = models.DateField(_("end date stated"))
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        verbose_name = _("invitation letter")
        verbose_name_plural = _("invitation letters")

    def __str__(self):
        return self.code

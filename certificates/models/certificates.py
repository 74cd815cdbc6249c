"""Issued certificates, their audit trail, and the serial-number counter."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from training_site.core.history import StatusChange
from training_site.core.storage import private_storage
from training_site.core.text import TextLineField, TextLinesField

from ..choices import CertificateAction, CertificateStatus
from ..exceptions import CertificateDeletionRefused


class CertificateQuerySet(models.QuerySet):
    def delete(self):
        raise CertificateDeletionRefused("Certificates are never deleted.")

    def current(self):
        return self.filter(status=CertificateStatus.VALID)

    def for_run(self, run):
        return self.filter(enrollment__run=run)

    def for_holder(self, user):
        """A person's certificates, newest first, revoked ones left out (their dashboard)."""
        return (
            self.filter(enrollment__user=user)
            .exclude(status=CertificateStatus.REVOKED)
            .select_related("enrollment__run")
            .order_by("-issued_at")
        )


class Certificate(models.Model):
    """A completion certificate, frozen at issue and verifiable by its code."""

    # Records, not content: kept out of Wagtail's reference index, whose update would be one
    # more background task for every certificate issued.
    wagtail_reference_index_ignore = True

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    enrollment = models.ForeignKey(
        "courses.Enrollment",
        verbose_name=_("enrollment"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    template = models.ForeignKey(
        "certificates.CertificateTemplate",
        verbose_name=_("template"),
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    serial = models.CharField(_("serial number"), max_length=20, unique=True)
    code = models.CharField(_("verification code"), max_length=24, unique=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=CertificateStatus.choices,
        default=CertificateStatus.VALID,
        db_index=True,
    )
    holder_name_latin = TextLineField(_("name in Latin script"), max_length=300)
    holder_name_arabic = TextLineField(_("name in Arabic script"), max_length=300, blank=True)
    snapshot = models.JSONField(_("content at issue"), default=dict)
    pdf = models.FileField(
        _("PDF"), storage=private_storage, upload_to="certificates/%Y/", max_length=200
    )
    pdf_sha256 = models.CharField(_("PDF SHA-256"), max_length=64, db_index=True)
    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = TextLinesField(_("reason for revocation"), blank=True)
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrollment"],
                condition=Q(status="valid"),
                name="one_current_certificate_per_enrollment",
            ),
        ]

    def __str__(self):
        return f"{self.serial} – {self.holder_name_latin}"

    def delete(self, *args, **kwargs):
        raise CertificateDeletionRefused("Certificates are never deleted.")

    @property
    def is_valid(self) -> bool:
        return self.status == CertificateStatus.VALID

    def verification_url(self) -> str:
        """The language-neutral link printed in the QR code: it redirects to the reader's language."""
        return f"{settings.SITE_URL}/verify/{self.code}/"

    def download_path(self) -> str:
        return reverse("certificates:download", kwargs={"public_id": self.public_id})

    def current(self) -> "Certificate":
        """Follow the supersede chain to the newest certificate."""
        certificate = self
        seen = {certificate.pk}
        while certificate.status == CertificateStatus.SUPERSEDED:
            following = Certificate.objects.filter(supersedes=certificate).first()
            if following is None or following.pk in seen:
                break
            certificate = following
            seen.add(certificate.pk)
        return certificate


class CertificateEvent(StatusChange):
    """The audit log: every act on a certificate, with who and when."""

    wagtail_reference_index_ignore = True  # a record (see Certificate)

    certificate = models.ForeignKey(Certificate, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(_("action"), max_length=20, choices=CertificateAction.choices)

    class Meta(StatusChange.Meta):
        verbose_name = _("certificate event")
        verbose_name_plural = _("certificate events")

    def __str__(self):
        return f"{self.certificate.serial}: {self.get_action_display()}"


class SerialCounter(models.Model):
    """The last serial number used in a year; incremented under the database's row lock."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"

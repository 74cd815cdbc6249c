"""Statuses and options of certificates, as TextChoices."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    SUPERSEDED = "superseded", _("Superseded")


class PrintedLanguages(models.TextChoices):
    ARABIC_ENGLISH = "ar-en", _("Arabic and English")
    ARABIC_FRENCH = "ar-fr", _("Arabic and French")

    @classmethod
    def codes(cls, value: str) -> list[str]:
        return value.split("-")


class PaperSize(models.TextChoices):
    A4 = "A4", "A4"
    LETTER = "letter", _("US Letter")


class Orientation(models.TextChoices):
    LANDSCAPE = "landscape", _("Landscape")
    PORTRAIT = "portrait", _("Portrait")


class CertificateAction(models.TextChoices):
    ISSUED = "issued", _("Issued")
    REVOKED = "revoked", _("Revoked")
    REISSUED = "reissued", _("Re-issued")
    DOWNLOADED = "downloaded", _("Downloaded")


class BulkItemStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ISSUED = "issued", _("Issued")
    FAILED = "failed", _("Failed")

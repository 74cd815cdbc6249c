"""Certificate templates: the design and wording staff edit in the admin."""

import re

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from training_site.core.text import TextLineField, TextLinesField

from ..choices import Orientation, PaperSize, PrintedLanguages

PLACEHOLDERS = ("name", "course", "dates", "hours", "venue")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")

BODY_HELP = _("Placeholders: {name}, {course}, {dates}, {hours}, {venue}.")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace only the known placeholders; anything else in braces stays as typed (no format())."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text or "")


def _image(verbose_name):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class CertificateTemplate(PreviewableMixin, ClusterableModel):
    """Wording per language, languages printed, logos, colours, signatories, paper."""

    name = TextLineField(_("name"), max_length=150, help_text=_("For staff; not printed."))
    printed_languages = models.CharField(
        _("languages printed"),
        max_length=5,
        choices=PrintedLanguages.choices,
        default=PrintedLanguages.ARABIC_ENGLISH,
    )
    title_ar = TextLineField(_("title (Arabic)"), max_length=150, default="شهادة إتمام")
    title_en = TextLineField(
        _("title (English)"), max_length=150, default="Certificate of Completion"
    )
    title_fr = TextLineField(_("title (French)"), max_length=150, default="Certificat de réussite")
    body_ar = TextLinesField(_("text (Arabic)"), help_text=BODY_HELP)
    body_en = TextLinesField(_("text (English)"), help_text=BODY_HELP)
    body_fr = TextLinesField(_("text (French)"), help_text=BODY_HELP, blank=True)
    logo = _image(_("logo"))
    background = _image(_("background image"))
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#0b5d3b",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Use the form #RRGGBB."))],
    )
    paper_size = models.CharField(
        _("paper size"), max_length=10, choices=PaperSize.choices, default=PaperSize.A4
    )
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.LANDSCAPE
    )
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("printed_languages"),
        MultiFieldPanel(
            ["title_ar", "body_ar", "title_en", "body_en", "title_fr", "body_fr"],
            heading=_("Wording"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(["logo", "background"]),
                "accent_colour",
                FieldRowPanel(["paper_size", "orientation"]),
            ],
            heading=_("Design"),
        ),
        InlinePanel("partner_logos", label=_("Partner logos")),
        InlinePanel("signatories", label=_("Signatories"), max_num=3),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self):
        return f"{self.name} (v{self.version})"

    def save(self, *args, **kwargs):
        # Every saved change is a new version; certificates record the version they were issued with.
        if self.pk:
            self.version = (
                CertificateTemplate.objects.filter(pk=self.pk)
                .values_list("version", flat=True)
                .first()
                or 0
            ) + 1
        super().save(*args, **kwargs)

    @property
    def language_codes(self) -> list[str]:
        return PrintedLanguages.codes(self.printed_languages)

    def title_for(self, language: str) -> str:
        return getattr(self, f"title_{language}", "") or self.title_en

    def body_for(self, language: str) -> str:
        return getattr(self, f"body_{language}", "") or self.body_en

    def serve_preview(self, request, mode_name):
        from django.http import HttpResponse

        from ..pdf import render_preview

        response = HttpResponse(render_preview(self), content_type="application/pdf")
        response["Content-Disposition"] = 'inline; filename="preview.pdf"'
        return response


class CertificatePartnerLogo(Orderable):
    template = ParentalKey(
        CertificateTemplate, related_name="partner_logos", on_delete=models.CASCADE
    )
    name = TextLineField(_("name"), max_length=200)
    logo = _image(_("logo"))

    panels = ["name", "logo"]


class CertificateSignatory(Orderable):
    template = ParentalKey(
        CertificateTemplate, related_name="signatories", on_delete=models.CASCADE
    )
    name_ar = TextLineField(_("name (Arabic)"), max_length=150, blank=True)
    name_en = TextLineField(_("name (English)"), max_length=150, blank=True)
    name_fr = TextLineField(_("name (French)"), max_length=150, blank=True)
    title_ar = TextLineField(_("title (Arabic)"), max_length=150, blank=True)
    title_en = TextLineField(_("title (English)"), max_length=150, blank=True)
    title_fr = TextLineField(_("title (French)"), max_length=150, blank=True)
    signature = _image(_("signature image"))

    panels = [
        FieldRowPanel(["name_ar", "title_ar"]),
        FieldRowPanel(["name_en", "title_en"]),
        FieldRowPanel(["name_fr", "title_fr"]),
        "signature",
    ]

    def snapshot(self) -> dict:
        return {
            "name": {"ar": self.name_ar, "en": self.name_en, "fr": self.name_fr},
            "title": {"ar": self.title_ar, "en": self.title_en, "fr": self.title_fr},
            "signature_image_id": self.signature_id,
        }

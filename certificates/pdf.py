"""Certificate PDFs: WeasyPrint through training_site.core.pdf (shipped fonts, project files only).

The layout is one fixed-size sheet with overflow clipped, and long names get a smaller font, so a
certificate is always exactly one page. Every value goes through Django's autoescaping.
"""

import datetime as dt
import re

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import segno

from training_site.core.pdf import render_template_pdf

from .choices import Orientation
from .snapshot import build_snapshot

TEMPLATE = "certificates/certificate.html"
STYLESHEET = "certificates/certificate.css"
ARCHIVAL = "pdf/a-3b"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
LANGUAGE_DIRECTION = {"ar": "rtl", "en": "ltr", "fr": "ltr"}

# (maximum characters, font size in pt) for the holder's name: longer names get smaller type.
NAME_SIZES = ((28, 30), (40, 24), (56, 20), (80, 16), (130, 12), (200, 9))
NAME_SIZE_MIN = 7


def name_font_size(name: str) -> float:
    length = len(name or "")
    for limit, size in NAME_SIZES:
        if length <= limit:
            return size
    return NAME_SIZE_MIN


def qr_data_uri(url: str) -> str:
    """The QR code as a PNG of one pixel per module, printed unsmoothed (`image-rendering`).

    A PNG costs WeasyPrint a few milliseconds less than the same code as an SVG path, whose
    hundreds of segments it parses and draws one by one.
    """
    # A fixed mask skips segno's evaluation of all eight masks (about 40 ms); any mask scans.
    qr = segno.make(url, error="m", micro=False, mask=2)
    return qr.png_data_uri(scale=1, border=4)


def _image_url(image, spec: str) -> str:
    if image is None:
        return ""
    try:
        return image.get_rendition(spec).url
    except Exception:  # a missing or broken image file must not stop the certificate
        return ""


def _preamble(language: str) -> str:
    with translation.override(language):
        return _("This is to certify that")


def build_context(*, template, snapshot: dict, serial: str, code: str, url: str) -> dict:
    languages = snapshot["languages"]
    latin_language = next((code for code in languages if code != "ar"), "en")
    holder = snapshot["holder"]
    columns = [
        {
            "language": lang,
            "dir": LANGUAGE_DIRECTION[lang],
            "title": snapshot["title"].get(lang, ""),
            "preamble": _preamble(lang),
            "body": snapshot["body"].get(lang, ""),
            "issuer": snapshot["issuer"].get(lang, ""),
        }
        for lang in languages
    ]
    # Arabic on the right, the Latin-script language on the left, as on bilingual official papers.
    columns.sort(key=lambda c: c["language"] == "ar")
    signatories = []
    for item in snapshot.get("signatories", []):
        signature = None
        if item.get("signature_image_id"):
            signature = template.signatories.filter(signature_id=item["signature_image_id"]).first()
        signatories.append(
            {
                "name_ar": item["name"].get("ar", ""),
                "title_ar": item["title"].get("ar", ""),
                "name_latin": item["name"].get(latin_language, "") or item["name"].get("en", ""),
                "title_latin": item["title"].get(latin_language, "") or item["title"].get("en", ""),
                "signature_url": _image_url(signature and signature.signature, "max-300x120"),
            }
        )
    landscape = template.orientation == Orientation.LANDSCAPE
    width_mm = (
        (297 if landscape else 210) if template.paper_size == "A4" else (279 if landscape else 216)
    )
    # The footer: QR (30 mm) and serial block (48 mm) take about 30 % of the content's width
    # (the sheet less 17 mm margins); the signatories share 68 %, side by side after them.
    signatory_width = round((width_mm - 34) * 0.68 / max(len(signatories), 1), 2)
    for index, signatory in enumerate(signatories):
        signatory["left_mm"] = round(78 + index * signatory_width, 2)
    return {
        "columns": columns,
        "latin_language": latin_language,
        "holder_latin": holder.get("latin", ""),
        "holder_arabic": holder.get("arabic", ""),
        "latin_size": name_font_size(holder.get("latin", "")),
        "arabic_size": name_font_size(holder.get("arabic", "")) * 1.15,
        "serial": serial,
        "code": code,
        "verification_url": url,
        "qr": qr_data_uri(url),
        "accent": template.accent_colour
        if _COLOUR.match(template.accent_colour or "")
        else "#0b5d3b",
        "paper": f"{template.paper_size} {template.orientation}",
        "width_mm": width_mm,
        "height_mm": (210 if landscape else 297)
        if template.paper_size == "A4"
        else (216 if landscape else 279),
        "logo_url": _image_url(template.logo, "max-400x200"),
        "background_url": _image_url(template.background, "max-2000x2000"),
        "partners": [
            {"name": p.name, "url": _image_url(p.logo, "max-300x120")}
            for p in template.partner_logos.all()
        ],
        "signatories": signatories,
        "signatory_width": signatory_width,
        "issuer_ar": snapshot["issuer"].get("ar", ""),
        "issuer_latin": snapshot["issuer"].get(latin_language, ""),
        "doc_title": f"{snapshot['title'].get(latin_language, '')} {serial} – {holder.get('latin', '')}",
        "site_url": settings.SITE_URL,
    }


def render_context(context: dict, *, variant: str | None = ARCHIVAL) -> bytes:
    """The PDF of a certificate from its `build_context` context."""
    return render_template_pdf(
        TEMPLATE, context, language="en", variant=variant, css_template=STYLESHEET
    )


def render_certificate_pdf(certificate, *, variant: str | None = ARCHIVAL) -> bytes:
    """The archival (PDF/A-3b) PDF of an issued certificate, from its frozen snapshot."""
    context = build_context(
        template=certificate.template,
        snapshot=certificate.snapshot,
        serial=certificate.serial,
        code=certificate.code,
        url=certificate.verification_url(),
    )
    return render_context(context, variant=variant)


class _SampleRun:
    """A stand-in run for the admin preview."""

    def __init__(self):
        from courses.choices import DeliveryMode

        today = timezone.localdate()
        self.start_date = today - dt.timedelta(days=4)
        self.end_date = today
        self.venue = "Training Centre, Hall A"
        self.delivery_mode = DeliveryMode.IN_PERSON
        self.course = _SampleCourse()


class _SampleCourse:
    title = "Identifying and protecting victims of trafficking in persons"
    hours = 30

    def get_translations(self, inclusive=False):
        from wagtail.models import Page

        return Page.objects.none()


def render_preview(template) -> bytes:
    """A sample certificate from a (possibly unsaved) template, for the admin preview."""
    snapshot = build_snapshot(
        template=template,
        holder_latin="Omar Farouk Al-Mansouri",
        holder_arabic="عمر فاروق المنصوري",
        run=_SampleRun(),
    )
    snapshot["course"] = {
        "ar": "تحديد ضحايا الاتجار بالأشخاص وحمايتهم",
        "en": _SampleCourse.title,
        "fr": "Identifier et protéger les victimes de la traite des personnes",
    }
    snapshot = build_snapshot_with_titles(template, snapshot)
    url = f"{settings.SITE_URL}/verify/PREV-IEWS-AMPL-E000/"
    context = build_context(
        template=template, snapshot=snapshot, serial="RTC-0000-00000", code="PREVIEW", url=url
    )
    return render_context(context, variant=None)


def build_snapshot_with_titles(template, snapshot):
    """Refill the body placeholders with per-language sample course titles."""
    from .models.templates import fill_placeholders

    for code in snapshot["languages"]:
        snapshot["body"][code] = fill_placeholders(
            template.body_for(code),
            {
                "name": snapshot["holder"]["arabic" if code == "ar" else "latin"],
                "course": snapshot["course"][code],
                "dates": snapshot["dates"][code],
                "hours": str(snapshot["hours"]),
                "venue": "Training Centre, Hall A",
            },
        )
    return snapshot

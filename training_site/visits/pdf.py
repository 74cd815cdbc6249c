"""The itinerary of a visit programme as a PDF, in the page's language."""

from django.conf import settings
from django.utils import translation

from training_site.core.pdf import render_template_pdf
from training_site.visits.programme import programme_days


def render_itinerary_pdf(*, page, centre_name: str) -> bytes:
    language = page.locale.language_code
    with translation.override(language):
        context = {
            "page": page,
            "days": programme_days(page),
            "centre_name": centre_name,
            "site_url": settings.SITE_URL,
        }
    return render_template_pdf("training_site/visit_itinerary_pdf.html", context, language=language)

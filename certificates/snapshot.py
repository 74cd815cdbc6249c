"""What a certificate says, frozen at issue: built once from live data, then never recomputed."""

import datetime as dt

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.models import Site

from courses.choices import DeliveryMode
from training_site.models import CentreSettings

from .placeholders import fill_placeholders


def course_titles(course) -> dict[str, str]:
    """The course title in each language it is translated into, else the original title."""
    titles = {code: course.title for code, _name in settings.LANGUAGES}
    for page in course.get_translations(inclusive=True).select_related("locale"):
        titles[page.locale.language_code] = page.title
    return titles


def format_dates(start: dt.date, end: dt.date, language: str) -> str:
    with translation.override(language):
        if start == end:
            return date_format(start, "j F Y")
        return _("%(start)s to %(end)s") % {
            "start": date_format(start, "j F Y"),
            "end": date_format(end, "j F Y"),
        }


def issuer_names() -> dict[str, str]:
    site = Site.objects.filter(is_default_site=True).first()
    centre = CentreSettings.for_site(site) if site else CentreSettings()
    return {code: centre.name_for(code) for code, _name in settings.LANGUAGES}


def venue_for(run, language: str) -> str:
    if run.venue:
        return run.venue
    if run.delivery_mode == DeliveryMode.ONLINE:
        with translation.override(language):
            return _("online")
    return ""


def build_snapshot(*, template, holder_latin: str, holder_arabic: str, run) -> dict:
    """Everything printed on the certificate, in every printed language."""
    course = run.course
    titles = course_titles(course)
    languages = template.language_codes
    snapshot = {
        "holder": {"latin": holder_latin, "arabic": holder_arabic},
        "course": titles,
        "start_date": run.start_date.isoformat(),
        "end_date": run.end_date.isoformat(),
        "hours": course.hours,
        "venue": run.venue,
        "issuer": issuer_names(),
        "languages": languages,
        "template_id": template.pk,
        "template_version": template.version,
        "title": {},
        "body": {},
        "dates": {},
        "signatories": [s.snapshot() for s in template.signatories.all()],
    }
    for code in languages:
        dates = format_dates(run.start_date, run.end_date, code)
        values = {
            "name": holder_arabic or holder_latin if code == "ar" else holder_latin,
            "course": titles[code],
            "dates": dates,
            "hours": str(course.hours),
            "venue": venue_for(run, code),
        }
        snapshot["dates"][code] = dates
        snapshot["title"][code] = template.title_for(code)
        snapshot["body"][code] = fill_placeholders(template.body_for(code), values)
    return snapshot

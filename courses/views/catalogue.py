"""Public catalogue downloads: calendar files for runs and the programme brochure."""

import hashlib

from django.core.cache import cache
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Site

from training_site.core.pdf import render_template_pdf
from training_site.models import CentreSettings

from .. import ics
from ..choices import RunStatus
from ..models import CoursePage, CourseRun
from ..queries.catalogue import (
    localised_courses_for_runs,
    localised_topic,
    runs_for_courses,
    topics_for,
)

BROCHURE_CACHE_SECONDS = 60 * 60


def _calendar_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def run_ics(request: HttpRequest, run_id) -> HttpResponse:
    """One run as an .ics file with its sessions as events."""
    run = get_object_or_404(CourseRun.objects.visible().select_related("course"), public_id=run_id)
    course = localised_courses_for_runs([run], Locale.get_active())[run.pk]
    body = ics.run_calendar(run, title=course.title, url=course.get_full_url(request) or "")
    return _calendar_response(body, f"course-run-{run.start_date:%Y-%m-%d}.ics")


@require_GET
def runs_feed(request: HttpRequest) -> HttpResponse:
    """Every upcoming run of a live course, as an .ics feed."""
    runs = list(
        CourseRun.objects.visible().upcoming().select_related("course").order_by("start_date")
    )
    courses = localised_courses_for_runs(runs, Locale.get_active())
    entries = [
        (run, courses[run.pk].title, courses[run.pk].get_full_url(request) or "") for run in runs
    ]
    body = ics.runs_feed(entries, name=_("Upcoming course runs"))
    return _calendar_response(body, "course-runs.ics")


def _brochure_filters(request: HttpRequest) -> dict:
    """`?topic=<slug>&year=YYYY`; anything malformed is ignored."""
    filters = {}
    topic = request.GET.get("topic", "")
    if topic and len(topic) <= 80 and topic.replace("-", "").replace("_", "").isalnum():
        filters["topic"] = topic
    year = request.GET.get("year", "")
    if year.isdigit() and len(year) == 4 and 2000 <= int(year) <= 2100:
        filters["year"] = int(year)
    return filters


def _brochure_version(locale: Locale) -> str:
    """Changes whenever a course of the locale is published or any run is saved."""
    pages = CoursePage.objects.filter(locale=locale).aggregate(at=Max("last_published_at"))
    runs = CourseRun.objects.aggregate(at=Max("updated_at"))
    return f"{pages['at']}|{runs['at']}|{timezone.localdate()}"


def brochure_context(*, request, locale: Locale, filters: dict) -> dict:
    """The courses of `locale` with their upcoming (or that year's) runs, by topic then title."""
    courses = CoursePage.objects.live().public().filter(locale=locale).select_related("topic")
    if "topic" in filters:
        courses = courses.filter(topic__slug=filters["topic"])
    courses = list(courses.order_by("title"))
    topics_by_key = {topic.translation_key: topic for topic in topics_for(locale.pk)}
    runs = runs_for_courses([c.translation_key for c in courses], upcoming=True)
    if "year" in filters:
        runs = runs.filter(start_date__year=filters["year"])
    runs_by_key = {}
    for run in runs:
        runs_by_key.setdefault(run.course_key, []).append(run)
    sections = []
    for course in courses:
        course_runs = runs_by_key.get(course.translation_key, [])
        if "year" in filters and not course_runs:
            continue
        sections.append(
            {
                "course": course,
                "topic": localised_topic(course.topic, topics_by_key),
                "runs": course_runs,
            }
        )
    sections.sort(key=lambda s: (s["topic"].name if s["topic"] else "", s["course"].title))
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    centre = CentreSettings.for_site(site) if site else None
    topic = sections[0]["topic"] if "topic" in filters and sections else None
    return {
        "centre": centre,
        "centre_name": centre.name_for(locale.language_code) if centre else "",
        "sections": sections,
        "filters": filters,
        "topic": topic,
        "generated_on": timezone.localdate(),
        "cancelled": RunStatus.CANCELLED,
    }


@require_GET
def brochure(request: HttpRequest) -> HttpResponse:
    """The programme brochure as a PDF in the current language, cached per language and filters."""
    language = get_language()
    try:
        locale = Locale.objects.get(language_code=language)
    except Locale.DoesNotExist:
        raise Http404 from None
    filters = _brochure_filters(request)
    version = hashlib.sha256(_brochure_version(locale).encode()).hexdigest()[:16]
    key = f"brochure:{language}:{filters.get('topic', '')}:{filters.get('year', '')}:{version}"
    pdf = cache.get(key)
    if pdf is None:
        context = brochure_context(request=request, locale=locale, filters=filters)
        pdf = render_template_pdf("courses/brochure.html", context, language=language)
        cache.set(key, pdf, BROCHURE_CACHE_SECONDS)
    suffix = f"-{filters['topic']}" if "topic" in filters else ""
    suffix += f"-{filters['year']}" if "year" in filters else ""
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="brochure-{language}{suffix}.pdf"'
    return response

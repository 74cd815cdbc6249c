"""iCalendar files for course runs (RFC 5545, through the `icalendar` library)."""

import datetime as dt

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from icalendar import Calendar, Event

from .choices import DeliveryMode, RunStatus

PRODID = "-//Regional Training Centre//Course runs//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def _location(run) -> str:
    if run.delivery_mode == DeliveryMode.ONLINE:
        return str(_("Online"))
    return run.venue


def _event(*, uid: str, summary: str, run, url: str, start, end, description: str = "") -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", timezone.now())
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end)
    if location := _location(run):
        event.add("location", location)
    if url:
        event.add("url", url)
    if description:
        event.add("description", description)
    event.add("status", "CANCELLED" if run.status == RunStatus.CANCELLED else "CONFIRMED")
    return event


def _run_event(run, *, title: str, url: str) -> Event:
    """The whole run as an all-day event (DTEND is exclusive)."""
    summary = f"{title} ({_('cancelled')})" if run.is_cancelled else title
    return _event(
        uid=f"run-{run.public_id}@{_host()}",
        summary=summary,
        run=run,
        url=url,
        start=run.start_date,
        end=run.end_date + dt.timedelta(days=1),
        description=run.get_language_display(),
    )


def run_calendar(run, *, title: str, url: str) -> bytes:
    """One run: an event per session, or one all-day event when it has no sessions."""
    calendar = _calendar(title)
    sessions = list(run.sessions.all())
    if not sessions:
        calendar.add_component(_run_event(run, title=title, url=url))
    for session in sessions:
        summary = f"{title}: {session.title}" if session.title else title
        if run.is_cancelled:
            summary = f"{summary} ({_('cancelled')})"
        calendar.add_component(
            _event(
                uid=f"session-{session.public_id}@{_host()}",
                summary=summary,
                run=run,
                url=url,
                start=session.starts_at,
                end=session.ends_at,
                description=session.room,
            )
        )
    return calendar.to_ical()


def runs_feed(runs_with_titles, *, name: str) -> bytes:
    """All upcoming runs, each as an all-day event; cancelled runs stay, marked cancelled."""
    calendar = _calendar(name)
    for run, title, url in runs_with_titles:
        calendar.add_component(_run_event(run, title=title, url=url))
    return calendar.to_ical()


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "localhost"

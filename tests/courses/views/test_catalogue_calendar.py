"""Calendar files: one run with its sessions, and the feed of upcoming runs."""

import datetime as dt
import uuid

from django.urls import reverse
from django.utils import timezone

import pytest
from icalendar import Calendar

from courses.choices import RunStatus
from tests import factories

pytestmark = pytest.mark.django_db


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return [component for component in calendar.walk("VEVENT")]


def test_run_calendar_has_one_event_per_session(client, run):
    first = factories.SessionFactory(run=run, title="Opening")
    second = factories.SessionFactory(
        run=run,
        title="Case study",
        starts_at=first.starts_at + dt.timedelta(days=1),
        ends_at=first.ends_at + dt.timedelta(days=1),
        room="B2",
    )
    response = client.get(reverse("courses:run_ics", kwargs={"run_id": run.public_id}))
    events = _events(response)
    assert len(events) == 2
    by_summary = {str(event["SUMMARY"]): event for event in events}
    assert f"{run.course.title}: Opening" in by_summary
    case = by_summary[f"{run.course.title}: Case study"]
    assert case.decoded("DTSTART") == second.starts_at
    assert case.decoded("DTEND") == second.ends_at
    assert str(case["LOCATION"]) == run.venue
    assert str(case["UID"]).startswith(f"session-{second.public_id}")


def test_run_without_sessions_is_one_all_day_event(client, run):
    response = client.get(reverse("courses:run_ics", kwargs={"run_id": run.public_id}))
    (event,) = _events(response)
    assert event.decoded("DTSTART") == run.start_date
    assert event.decoded("DTEND") == run.end_date + dt.timedelta(days=1)


def test_run_calendar_uses_the_title_in_the_chosen_language(client, course_indexes):
    course = factories.CoursePageFactory(parent=course_indexes["ar"], title="دورة", slug="c1")
    factories.translate_page(course, "fr", title="Un cours")
    run = factories.CourseRunFactory(course=course)
    response = client.get(f"/fr/programmes/runs/{run.public_id}/calendar.ics")
    (event,) = _events(response)
    assert str(event["SUMMARY"]) == "Un cours"


def test_unknown_run_is_404(client, course):
    assert client.get(f"/en/programmes/runs/{uuid.uuid4()}/calendar.ics").status_code == 404


def test_feed_lists_upcoming_runs_and_marks_cancelled_ones(client, course):
    upcoming = factories.CourseRunFactory(course=course)
    cancelled = factories.CourseRunFactory(course=course, status=RunStatus.CANCELLED)
    start = timezone.localdate() - dt.timedelta(days=30)
    factories.CourseRunFactory(
        course=course,
        start_date=start,
        end_date=start + dt.timedelta(days=1),
        enrollment_opens=timezone.now() - dt.timedelta(days=60),
        enrollment_closes=timezone.now() - dt.timedelta(days=31),
    )
    events = _events(client.get(reverse("courses:runs_feed")))
    uids = {str(event["UID"]).split("@")[0]: event for event in events}
    assert set(uids) == {f"run-{upcoming.public_id}", f"run-{cancelled.public_id}"}
    assert str(uids[f"run-{cancelled.public_id}"]["STATUS"]) == "CANCELLED"
    assert str(uids[f"run-{upcoming.public_id}"]["STATUS"]) == "CONFIRMED"


def test_runs_of_unpublished_courses_are_not_in_the_feed(client, course):
    run = factories.CourseRunFactory(course=course)
    course.unpublish()
    assert _events(client.get(reverse("courses:runs_feed"))) == []
    assert (
        client.get(reverse("courses:run_ics", kwargs={"run_id": run.public_id})).status_code == 404
    )

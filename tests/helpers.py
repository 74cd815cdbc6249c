"""Plain helpers that several test modules share: form data as a browser posts it, StreamField
data. Fixtures live in conftest.py; a test module imports helpers from here, never from
another test module."""

import datetime as dt

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data


def visit_request_data(**overrides) -> dict:
    """The public study-visit request form, filled in as a delegation would."""
    start = timezone.localdate() + dt.timedelta(days=30)
    data = {
        "country": "JO",
        "institutions": "Ministry of Labour",
        "contact_name": "Rania Khalil",
        "contact_email": "rania@example.org",
        "delegation_size": "8",
        "preferred_start": start.isoformat(),
        "preferred_end": (start + dt.timedelta(days=3)).isoformat(),
        "languages": ["ar", "en"],
        "message": "We would like to learn how the referral mechanism works.",
        "website": "",
    }
    data.update(overrides)
    return data


def course_run_form_data(course, *, start, end, closes, sessions=()) -> dict:
    """The admin's course-run form (with its sessions inline) as staff post it."""
    opens = timezone.localtime() - dt.timedelta(days=1)
    return nested_form_data(
        {
            "course": course.pk,
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
            "delivery_mode": "in_person",
            "language": "en",
            "venue": "Hall A",
            "online_url": "",
            "capacity": "20",
            "seats_per_country": "",
            "enrollment_opens": opens.strftime("%Y-%m-%d %H:%M"),
            "enrollment_closes": closes.strftime("%Y-%m-%d %H:%M"),
            "admission_policy": "open",
            "status": "scheduled",
            "min_attendance_percent": "80",
            "require_lessons": "on",
            "require_post_test": "on",
            "sessions": inline_formset(list(sessions)),
        }
    )


def visit_day(*, date, items):
    """One day of a visit programme, as StreamField data."""
    return (
        "day",
        {"date": date, "title": "", "items": [{"courses": [], **item} for item in items]},
    )

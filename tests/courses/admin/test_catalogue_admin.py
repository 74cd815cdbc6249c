"""Staff edit runs in the Wagtail admin; invalid dates are refused with a clear message."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape

import pytest

from courses.choices import RunStatus
from courses.models import CourseRun
from tests import factories
from tests.helpers import course_run_form_data

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_courses_courserun:add"
LIST_URL = "wagtailsnippets_courses_courserun:list"


def _shown(message: str, response) -> bool:
    """The message, in the admin's language (Arabic by default), is on the page."""
    html = response.content.decode()
    language = "ar" if 'lang="ar"' in html else "en"
    with translation.override(language):
        return escape(translation.gettext(message)) in html


@pytest.fixture
def admin_client(client, mfa_staff_user):
    client.force_login(mfa_staff_user)
    return client


def _start():
    return timezone.localdate() + dt.timedelta(days=30)


def test_staff_creates_a_run_with_sessions(admin_client, course):
    start = _start()
    session_start = timezone.make_aware(dt.datetime.combine(start, dt.time(9)))
    data = course_run_form_data(
        course,
        start=start,
        end=start + dt.timedelta(days=2),
        closes=timezone.localtime() + dt.timedelta(days=10),
        sessions=[
            {
                "title": "Opening",
                "starts_at": session_start.strftime("%Y-%m-%d %H:%M"),
                "ends_at": (session_start + dt.timedelta(hours=3)).strftime("%Y-%m-%d %H:%M"),
                "room": "A",
            }
        ],
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    run = CourseRun.objects.get()
    assert [s.title for s in run.sessions.all()] == ["Opening"]


def test_run_ending_before_it_starts_is_refused_with_a_message(admin_client, course):
    start = _start()
    data = course_run_form_data(
        course,
        start=start,
        end=start - dt.timedelta(days=1),
        closes=timezone.localtime() + dt.timedelta(days=10),
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert _shown("The run cannot end before it starts.", response)
    assert not CourseRun.objects.exists()


def test_window_closing_after_the_start_is_refused(admin_client, course):
    start = _start()
    data = course_run_form_data(
        course,
        start=start,
        end=start + dt.timedelta(days=2),
        closes=timezone.make_aware(dt.datetime.combine(start + dt.timedelta(days=1), dt.time(9))),
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert _shown("Enrollment must close before the run starts.", response)
    assert not CourseRun.objects.exists()


def test_session_ending_before_it_starts_is_refused(admin_client, course):
    start = _start()
    session_start = timezone.make_aware(dt.datetime.combine(start, dt.time(9)))
    data = course_run_form_data(
        course,
        start=start,
        end=start + dt.timedelta(days=2),
        closes=timezone.localtime() + dt.timedelta(days=10),
        sessions=[
            {
                "title": "Backwards",
                "starts_at": session_start.strftime("%Y-%m-%d %H:%M"),
                "ends_at": (session_start - dt.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
                "room": "",
            }
        ],
    )
    response = admin_client.post(reverse(ADD_URL), data)
    assert response.status_code == 200
    assert _shown("A session must end after it starts.", response)
    assert not CourseRun.objects.exists()


def test_cancelled_runs_stay_in_the_admin_list_and_filter(admin_client, course):
    cancelled = factories.CourseRunFactory(course=course, status=RunStatus.CANCELLED, venue="X1")
    factories.CourseRunFactory(course=course, venue="Y2")
    html = admin_client.get(reverse(LIST_URL)).content.decode()
    assert html.count(course.title) >= 2
    html = admin_client.get(reverse(LIST_URL), {"status": "cancelled"}).content.decode()
    assert str(cancelled.pk) in html
    response = admin_client.get(reverse(LIST_URL), {"q": course.title[:6]})
    assert response.status_code == 200


def test_topics_can_be_translated_in_the_admin(admin_client, locales):
    topic = factories.TopicFactory(name="التحقيق")
    url = reverse("wagtailsnippets_courses_topic:edit", args=[topic.pk])
    assert admin_client.get(url).status_code == 200
    translate_url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["courses", "topic", topic.pk]
    )
    assert admin_client.get(translate_url).status_code == 200

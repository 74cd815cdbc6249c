"""Lesson page and roll call in Chromium, in Arabic (right to left) and English."""

from django.conf import settings as django_settings
from django.test import Client

import pytest

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page, live_site, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[django_settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_site}])


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_lesson_and_roll_call(page, live_site, screenshot, course, locales, code, direction):
    first = factories.LessonPageFactory(parent=course, title="Indicators")
    second = factories.LessonPageFactory(parent=course, title="Referral")
    if code != "ar":
        course.copy_for_translation(locales[code], copy_parents=True).save_revision().publish()
        first = first.copy_for_translation(locales[code])
        first.save_revision().publish()
        second = second.copy_for_translation(locales[code])
        second.save_revision().publish()
    run = factories.CourseRunFactory(course=course, running=True)
    session = factories.SessionFactory(run=run)  # began two days ago: its roll call is open
    enrollment = factories.EnrollmentFactory(run=run)

    sign_in(page, live_site, enrollment.user)
    page.goto(f"{live_site}{first.url}")
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator(".lesson-body").is_visible()
    screenshot(f"lesson-{code}")
    page.locator("form.lesson-done button").click()
    assert page.locator("h1").inner_text() == second.title  # on to the next lesson
    assert page.locator(".outline-list .badge-ok").count() == 1

    instructor = factories.make_instructor(course)
    sign_in(page, live_site, instructor)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_site}/{code}/teach/sessions/{session.public_id}/roll-call/")
    assert page.locator("html").get_attribute("dir") == direction
    page.locator("[data-all-present]").click()
    screenshot(f"roll-call-{code}")
    page.locator(".roll-actions button[type=submit]").click()
    page.wait_for_selector(".message-success")
    assert session.attendance.get().status == "present"

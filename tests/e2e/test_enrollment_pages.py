import datetime as dt

from django.utils import timezone

import pytest

from courses.choices import AdmissionPolicy, EnrollmentStatus
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def signed_in(page, live_site, client, course):
    """A trainee with a place, an application and a waiting-list entry, signed in the browser."""
    trainee = factories.TraineeFactory()
    profile = trainee.trainee_profile
    profile.name_latin = "Omar <b>Farouk</b>"
    profile.save()
    today = timezone.localdate()
    soon = factories.CourseRunFactory(
        course=course,
        start_date=today + dt.timedelta(days=4),
        online_url="https://meet.example.org/rtc-identification-2026",
    )
    approval = factories.CourseRunFactory(course=course, admission_policy=AdmissionPolicy.APPROVAL)
    full = factories.CourseRunFactory(course=course, capacity=1)
    factories.EnrollmentFactory(run=full)
    factories.EnrollmentFactory(user=trainee, run=soon)
    factories.EnrollmentFactory(user=trainee, run=approval, status=EnrollmentStatus.PENDING)
    factories.EnrollmentFactory(
        user=trainee, run=full, status=EnrollmentStatus.WAITLISTED, waitlisted_at=timezone.now()
    )
    open_run = factories.CourseRunFactory(course=course, venue="Training Centre, Hall B")
    client.force_login(trainee)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": live_site}])
    return {"run": open_run}


def _no_horizontal_overflow(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_trainee_pages_in_both_directions(page, live_site, signed_in, screenshot, code, direction):
    page.goto(f"{live_site}/{code}/my/")
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator(".enrollment-card").count() == 3
    assert _no_horizontal_overflow(page)
    card = page.locator(".enrollment-card").first.bounding_box()
    badge = page.locator(".enrollment-card .badge").first.bounding_box()
    # The status badge sits at the end of the card's heading line: left in Arabic, right in English.
    if direction == "rtl":
        assert badge["x"] < card["x"] + card["width"] / 2
    else:
        assert badge["x"] > card["x"] + card["width"] / 2
    screenshot("dashboard")

    page.goto(f"{live_site}/{code}/my/profile/")
    assert page.locator("#id_name_latin").get_attribute("dir") == "ltr"
    assert page.locator("#id_name_latin").input_value() == "Omar <b>Farouk</b>"
    assert _no_horizontal_overflow(page)
    screenshot("profile")

    page.goto(f"{live_site}/{code}/programmes/runs/{signed_in['run'].public_id}/apply/")
    assert page.locator("button[type=submit]", has_text="").count() >= 1
    assert "Omar <b>Farouk</b>" in page.locator(".enrollment-page main").inner_text()
    assert _no_horizontal_overflow(page)
    screenshot("apply")

import datetime as dt

import pytest

from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def live_impact(live_server, home_pages, locales):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    page = factories.ImpactPageFactory(parent=home_pages["ar"])
    english = page.copy_for_translation(locales["en"])
    english.title = "Our impact"
    english.save_revision().publish()
    index = factories.CourseIndexPageFactory(parent=home_pages["ar"])
    run = factories.CourseRunFactory(
        course=factories.CoursePageFactory(parent=index),
        start_date=dt.date(2025, 4, 1),
        end_date=dt.date(2025, 4, 3),
    )
    for country, size in (("JO", 8), ("EG", 6)):
        for _ in range(size):
            trainee = factories.TraineeFactory(profile__country=country)
            factories.EnrollmentFactory(run=run, user=trainee, status="completed")
    return live_server.url


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_impact_chart_follows_the_reading_direction(page, live_impact, screenshot, code, direction):
    page.goto(f"{live_impact}/{code}/impact/")
    assert page.locator("html").get_attribute("dir") == direction
    first_row = page.locator(".rtc-hbars tbody tr").first
    label = first_row.locator("th").bounding_box()
    bar = first_row.locator(".rtc-hbar").bounding_box()
    assert bar["width"] > 50
    # Labels come first in reading order: right of the bars in Arabic, left of them in English.
    if direction == "rtl":
        assert label["x"] > bar["x"]
    else:
        assert label["x"] < bar["x"]
    assert "14" in page.locator(".impact-figures").inner_text()
    screenshot(code)

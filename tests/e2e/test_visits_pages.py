"""Study visits in the browser: the request form's own checks, and the programme in both directions."""

import datetime as dt

import pytest

from tests import factories
from tests.helpers import visit_day

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_browser_refuses_what_the_server_refuses(page, live_site, screenshot, code):
    page.goto(f"{live_site}/{code}/study-visit-request/")
    size = page.locator("#id_delegation_size")
    size.fill("0")
    assert size.evaluate("el => el.checkValidity()") is False
    size.fill("10000")
    assert size.evaluate("el => el.checkValidity()") is False
    size.fill("12")
    assert size.evaluate("el => el.checkValidity()") is True
    start = page.locator("#id_preferred_start")
    start.fill("2001-01-01")
    assert start.evaluate("el => el.checkValidity()") is False
    # The end date may not come before the chosen start date.
    later = (dt.date.today() + dt.timedelta(days=40)).isoformat()
    start.fill(later)
    start.dispatch_event("change")
    assert page.locator("#id_preferred_end").get_attribute("min") == later
    # The honeypot is out of sight.
    box = page.locator(".visit-honeypot").bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.locator("html").get_attribute("dir") == ("rtl" if code == "ar" else "ltr")
    screenshot(f"form-{code}")


@pytest.mark.parametrize("code", ["ar", "en"])
def test_the_programme_page_and_its_print_layout(page, live_site, screenshot, code, locales):
    index = factories.StudyVisitIndexPageFactory(parent=_home(code))
    visit = factories.VisitRequestFactory(status="confirmed", language=code)
    start = dt.date.today() + dt.timedelta(days=30)
    titles = {
        "ar": ("زيارة مركز الإيواء", "لقاء ثنائي مع المدير"),
        "en": ("Shelter visit", "Meeting with the director"),
    }[code]
    programme = factories.VisitProgrammePageFactory(
        parent=index,
        title={"ar": "برنامج الزيارة", "en": "Visit programme"}[code],
        visit_request=visit,
        days=[
            visit_day(
                date=start,
                items=[
                    {
                        "kind": "bilateral_meeting",
                        "start_time": dt.time(9),
                        "end_time": dt.time(10, 30),
                        "title": titles[1],
                        "place": "Hall A",
                        "host": "Centre",
                        "description": "",
                    },
                    {
                        "kind": "field_visit",
                        "start_time": dt.time(11),
                        "end_time": dt.time(13),
                        "title": titles[0],
                        "place": "Shelter",
                        "host": "Ministry",
                        "description": "",
                    },
                ],
            )
        ],
    )
    page.goto(f"{live_site}{programme.url}{programme.access_token}/")
    assert page.locator("h1").inner_text() == programme.title
    screenshot(f"programme-{code}")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".visit-actions").is_visible()
    screenshot(f"programme-print-{code}")


def _home(code):
    from training_site.models import HomePage

    return HomePage.objects.get(locale__language_code=code)

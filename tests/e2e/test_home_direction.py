import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_home_page_layout_direction(page, live_site, screenshot, code, direction):
    page.goto(f"{live_site}/{code}/")
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == direction
    assert page.evaluate("getComputedStyle(document.body).direction") == direction
    # The brand sits at the start of the header: the right edge in Arabic, the left in English.
    brand = page.locator(".brand").bounding_box()
    width = page.viewport_size["width"]
    if direction == "rtl":
        assert brand["x"] + brand["width"] > width / 2
    else:
        assert brand["x"] < width / 2
    screenshot(code)

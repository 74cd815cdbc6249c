"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
import shutil
from pathlib import Path

import pytest

from .journey import SCREENSHOTS

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by fixtures
# in that thread are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium is not installed at {CHROMIUM} (CI installs it with apt-get)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(page, request):
    """Save a screenshot of the current page under the artefacts folder."""

    def take(name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{request.node.name}-{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def live_site(live_server, home_pages):
    """The live server's address, with the Wagtail site pointing at it."""
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "localhost", live_server.thread.port
    site.save()
    return live_server.url


@pytest.fixture
def journey_page(browser, code):
    """A page in a browser set to the journey's language (`code`), as its user's would be."""
    context = browser.new_context(locale=code, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()

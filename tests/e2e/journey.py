"""What every user journey of issue #10 does on each page: check the language and direction,
run axe-core, and save a screenshot named `<journey>-<language>-<step>.png`."""

import os
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.test import Client

SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOTS", "artifacts/screenshots"))
DIRECTIONS = {"ar": "rtl", "en": "ltr"}
LANGUAGES = list(DIRECTIONS)
# Impacts that fail a journey; "moderate" and "minor" findings are reported, not failed on.
BLOCKING = {"serious", "critical"}


@dataclass
class Journey:
    page: object
    site: str
    name: str
    code: str
    findings: list[str] = field(default_factory=list)
    wagtail_findings: list[str] = field(default_factory=list)
    pages_checked: int = 0

    @property
    def direction(self) -> str:
        return DIRECTIONS[self.code]

    def url(self, path: str) -> str:
        return f"{self.site}{path}"

    def goto(self, path: str, step: str | None = None):
        response = self.page.goto(self.url(path))
        if step:
            self.step(step)
        return response

    def step(self, name: str, *, site_page: bool = True, wagtail_page: bool = False) -> None:
        """The page now shown is one of the journey's: check it and keep a picture of it.

        `wagtail_page` marks Wagtail's own admin screens (dashboard, page editor): what axe finds
        there is Wagtail's markup, so it is written to a report beside the screenshots instead
        of failing the journey. The project's own admin views are checked like the site."""
        self.page.wait_for_load_state("load")
        if site_page:
            html = self.page.locator("html")
            assert html.get_attribute("lang") == self.code, f"{name}: wrong lang"
            assert html.get_attribute("dir") == self.direction, f"{name}: wrong dir"
        self.check_accessibility(name, self.wagtail_findings if wagtail_page else self.findings)
        self.screenshot(name)

    def screenshot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.name}-{self.code}-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)

    def check_accessibility(self, name: str, findings: list[str]) -> None:
        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(self.page).response
        self.pages_checked += 1
        for violation in results["violations"]:
            if violation["impact"] in BLOCKING:
                nodes = [
                    f"{', '.join(node['target'])}: {' '.join(node.get('failureSummary', '').split())}"
                    for node in violation["nodes"][:5]
                ]
                findings.append(
                    f"{name} ({self.page.url}): {violation['id']} [{violation['impact']}] "
                    f"{violation['help']} -> " + " | ".join(nodes)
                )

    def assert_accessible(self) -> None:
        assert self.pages_checked > 0
        if self.wagtail_findings:
            report = SCREENSHOTS / f"{self.name}-{self.code}-axe-wagtail.txt"
            report.write_text("\n".join(self.wagtail_findings) + "\n")
        assert self.findings == [], "\n".join(self.findings)

    def sign_in(self, user) -> None:
        """Give the browser a session of `user` (the login forms are covered elsewhere), with
        the Wagtail admin in the journey's language."""
        from wagtail.users.models import UserProfile

        profile = UserProfile.get_for_user(user)
        profile.preferred_language = self.code
        profile.save()
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        self.page.context.clear_cookies()
        self.page.context.add_cookies(
            [{"name": cookie.key, "value": cookie.value, "url": self.site}]
        )


FOCUS_STYLE = """() => {
  const element = document.activeElement;
  const style = getComputedStyle(element);
  return {
    visible: element.matches(":focus-visible"),
    outline: style.outlineStyle,
    width: parseFloat(style.outlineWidth) || 0,
    shadow: style.boxShadow,
  };
}"""


def tab_to(page, selector: str, *, limit: int = 120) -> None:
    """Press Tab until the element matching `selector` has the focus, and check that the focus
    can be seen there (an outline of at least 2px, or a box shadow)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            assert_focus_visible(page)
            return
    raise AssertionError(f"Tab never reached {selector}")


def assert_focus_visible(page) -> None:
    style = page.evaluate(FOCUS_STYLE)
    assert style["visible"], style
    outlined = style["outline"] != "none" and style["width"] >= 2
    assert outlined or style["shadow"] not in ("", "none"), style

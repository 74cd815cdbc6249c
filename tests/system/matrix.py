"""What the permission matrices share: the nine roles, how an answer is read, and how every
route's URL is built from the world (tests/system/conftest.py builds it)."""

import re
from collections.abc import Callable

from django.conf import settings
from django.utils import translation

from tests.routes import all_routes, fill

ROLES = (
    "anonymous",
    "trainee_a",
    "trainee_b",
    "focal_x",
    "focal_y",
    "instructor_1",
    "instructor_2",
    "staff_no_mfa",
    "staff",
)
SIGNED_IN = ROLES[1:]
TRAINEES = ("trainee_a", "trainee_b")
FOCAL = ("focal_x", "focal_y")
INSTRUCTORS = ("instructor_1", "instructor_2")
STAFF = ("staff",)
# Staff without two-factor authentication hold no staff powers on the front end either: they
# are answered like any signed-in person (training_site.core.roles.is_centre_staff).


def every(answer: str) -> dict[str, str]:
    return dict.fromkeys(ROLES, answer)


def signed_in(answer="ok", anonymous="login") -> dict[str, str]:
    return {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, answer)}


def only(allowed: tuple[str, ...], *, others="404", anonymous="login", answer="ok"):
    cells = {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, others)}
    cells.update(dict.fromkeys(allowed, answer))
    return cells


def cells(**answers: str) -> dict[str, str]:
    """Answers by role, with `default` for the roles not named."""
    default = answers.pop("default", None)
    table = {role: answers.get(role, default) for role in ROLES}
    assert None not in table.values(), f"roles without an answer: {answers}"
    return table


def answer(response, path: str, client) -> str:
    """One word for what a role got: ok, login (sent to sign in), mfa (sent to set up two-factor),
    denied (403, or the admin's "no permission" bounce to its home), 404 (also LocaleMiddleware's
    bounce of an unknown path to its language-prefixed twin, which then answers 404), redirect,
    or the status code."""
    code = response.status_code
    if code == 200:
        return "ok"
    if code == 403:
        return "denied"
    if code in (301, 302, 303, 307, 308):
        location = response["Location"].split("?")[0]
        if location.endswith(("/accounts/login/", "/admin/login/")):
            return "login"
        if "/accounts/2fa/totp/activate/" in location:
            return "mfa"
        if location in ("/admin/", "/admin"):
            return "denied"
        bounce = r"/(ar|en|fr)" + re.escape(path.split("?")[0].rstrip("/")) + "/?"
        if re.fullmatch(bounce, location) and client.get(response["Location"]).status_code == 404:
            return "404"
        return "redirect"
    return str(code)


def client_for(client, world, role):
    client.logout()
    if role != "anonymous":
        client.force_login(world["users"][role])
    return client


def language_of(path: str) -> str | None:
    prefix = path.split("/")[1] if path.count("/") > 1 else ""
    return prefix if prefix in dict(settings.LANGUAGES) else None


def routes(admin: bool) -> dict[str, str]:
    """{key: route} of every URL pattern, the admin's (admin/...) or all the others. The key is
    the pattern's name; a second pattern with the same name gets "name #2", one without a name
    "#route"."""
    with translation.override("en"):
        found: dict[str, str] = {}
        for name, route in all_routes():
            if route.startswith("admin/") != admin:
                continue
            key, n = name or f"#{route}", 1
            while key in found:
                n += 1
                key = f"{name} #{n}"
            found[key] = route
        return found


def url_of(name: str, route: str, world: dict, explicit: dict[str, Callable]) -> str:
    """The URL to request for `name`: built by `explicit[name]` if given, else the route filled
    with the world's values for its variables."""
    if name in explicit:
        return explicit[name](world)
    with translation.override("en"):
        return fill(route, world["values"])

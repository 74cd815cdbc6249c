"""Every filter and search box of every admin listing, Wagtail's and the project's, sent an
out-of-range integer, a lone quote and a NUL as staff; and every admin URL with a number in its
path sent a number no column holds. Each answers (a listing with the filter ignored or marked
invalid, a 404 for an object that cannot exist), never a server error.

The listings are found, not listed: every admin URL of the permission matrix
(tests/system/test_matrix_admin.py) is opened as staff, and each answer with a filter set
(`filters` in its context) or a search form is a listing to try.
"""

import re
from urllib.parse import urlencode

import pytest

from tests.routes import fill
from tests.system.matrix import admin_url, client_for, routes

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = ("-" + "9" * 20, "9" * 30, '"', "\x00", "7\x00")
OUT_OF_RANGE = "9" * 30
ID_IN_PATH = re.compile(r"<(?:\w+:)?(pk|id|\w+_id|\w+_pk)>")


def _as_staff(client, world, url):
    """The answer to staff (signed in again each time: some of the admin's URLs sign out)."""
    client = client_for(client, world, "staff")
    client.raise_request_exception = False  # a server error is an answer to report
    return client.get(url)


def _listings(client, world) -> dict[str, list[str]]:
    """{URL: names of its filter and search fields} for every admin page that has them."""
    found = {}
    for key, route in routes(admin=True).items():
        url = admin_url(world, key, route)
        response = _as_staff(client, world, url)
        if response.status_code != 200 or not response.context:
            continue
        fields = []
        contexts = response.context if isinstance(response.context, list) else [response.context]
        for context in contexts:  # each template's context: the listing's and its includes'
            for name in ("filters", "search_form"):
                value = context.get(name)
                form = getattr(value, "form", value)  # a filter set's form, or the search form
                fields += list(getattr(form, "fields", {}))
        if fields:
            found[url] = sorted(set(fields))
    return found


def test_every_admin_filter_answers_hostile_values(client, admin_world):
    listings = _listings(client, admin_world)
    expected = {"/admin/snippets/courses/courserun/", "/admin/snippets/courses/enrollment/"}
    expected |= {"/admin/training-reports/run/", "/admin/reports/site-history/"}
    assert expected <= set(listings), sorted(listings)
    failures = []
    for url, fields in listings.items():
        separator = "&" if "?" in url else "?"
        for field in fields:
            for value in HOSTILE_VALUES:
                query = url + separator + urlencode({field: value})
                status = _as_staff(client, admin_world, query).status_code
                if status >= 500:
                    failures.append(f"{query}: {status}")
    assert not failures, failures


def test_every_admin_id_in_a_path_answers_an_out_of_range_number(client, admin_world):
    failures, tried = [], 0
    for key, route in routes(admin=True).items():
        names = set(ID_IN_PATH.findall(route))
        if not names:
            continue
        url = fill(route, {**admin_world["values"], **dict.fromkeys(names, OUT_OF_RANGE)})
        tried += 1
        status = _as_staff(client, admin_world, url).status_code
        if status >= 500 and key != "wagtailadmin_error_test":
            failures.append(f"{url}: {status}")
    assert tried > 50
    assert not failures, failures

"""One client address: every throttle, the project's and allauth's, asks training_site.core.client_ip,
and nothing else in the project reads the headers an address comes from or keeps a counter."""

import datetime as dt
import re
from pathlib import Path

from django.test import RequestFactory
from django.urls import get_resolver
from django.utils import timezone

from wagtail.models import Collection, CollectionViewRestriction

import pytest
from allauth.account.adapter import get_adapter

from training_site.core import ratelimit
from training_site.core.client_ip import client_ip

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ("courses", "certificates", "training_site")
ADDRESS_HEADERS = re.compile(
    r"""["'](REMOTE_ADDR|HTTP_X_FORWARDED_FOR|X-Forwarded-For|X-Real-IP)["']""", re.IGNORECASE
)
COUNTER = re.compile(r"\.(incr|decr)\(")
NOT_A_LIMIT = {"training_site/core/caching/pages.py": "the page cache's generation number"}
PROXY, CLIENT, SPOOFED = "10.0.0.1", "198.51.100.1", "6.6.6.6"


def _sources():
    for package in PROJECT:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), path.read_text()


def test_only_client_ip_reads_the_address_headers():
    readers = [name for name, text in _sources() if ADDRESS_HEADERS.search(text)]
    assert readers == ["training_site/core/client_ip.py"]


def test_the_rate_limiter_is_the_only_counter():
    counters = {name for name, text in _sources() if COUNTER.search(text)}
    assert counters - set(NOT_A_LIMIT) == {"training_site/core/ratelimit.py"}


def _visit_request(client):
    start = timezone.localdate() + dt.timedelta(days=30)
    data = {
        "country": "JO",
        "institutions": "Ministry",
        "contact_name": "Visitor",
        "contact_email": "visitor@example.org",
        "delegation_size": "3",
        "preferred_start": start.isoformat(),
        "preferred_end": (start + dt.timedelta(days=2)).isoformat(),
        "languages": ["en"],
        "website": "",
    }
    return client.post("/en/study-visit-request/", data, **_via_proxy())


def _document_password(client):
    collection = Collection.get_first_root_node().add_child(name="Handouts")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    url = f"/documents/authenticate_with_password/{restriction.pk}/"
    return client.post(url, {"password": "guess", "return_url": "/"}, **_via_proxy())


# Each throttle that counts per client address, and one request it counts.
DRIVES = {
    "certificate-verify": lambda c: c.get("/en/verify/AAAA-BBBB-CCCC-DDDD/", **_via_proxy()),
    "visit-request-address": _visit_request,
    "view-restriction-password": _document_password,
}


def _via_proxy():
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"{SPOOFED}, {CLIENT}"}


@pytest.mark.django_db
def test_every_throttle_counts_the_client_the_proxy_saw(client, home_pages, settings, monkeypatch):
    settings.TRUSTED_PROXIES = [PROXY]
    counted = []
    allow = ratelimit.allow

    def recording_allow(limit, value):
        counted.append((limit.scope, value))
        return allow(limit, value)

    monkeypatch.setattr(ratelimit, "allow", recording_allow)
    _ = get_resolver().url_patterns  # load every view, so every throttle a request can meet
    per_client = {scope for scope, limit in ratelimit.LIMITS.items() if limit.per == "client"}
    assert per_client == set(DRIVES), "a throttle without a request that exercises it here"
    for scope, drive in DRIVES.items():
        counted.clear()
        assert drive(client).status_code < 500
        values = [value for counted_scope, value in counted if counted_scope == scope]
        assert values, f"{scope} was not counted"
        for value in values:
            assert value.split(":")[-1] == CLIENT, (scope, value)


@pytest.mark.parametrize(
    ("remote", "forwarded"),
    [
        ("198.51.100.9", "203.0.113.5"),  # a client naming itself
        (PROXY, f"{SPOOFED}, {CLIENT}"),  # behind our proxy
        (PROXY, "not-an-address"),
        (PROXY, ""),
        ("2001:db8::5", None),
    ],
)
def test_allauth_gives_the_same_answer(settings, remote, forwarded):
    settings.TRUSTED_PROXIES = [PROXY]
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    request = RequestFactory().get("/", **extra)
    assert get_adapter(request).get_client_ip(request) == client_ip(request)

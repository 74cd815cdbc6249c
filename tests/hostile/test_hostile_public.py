"""Hostile input from anonymous visitors: verification codes, catalogue filters and search, the
study-visit request."""

import datetime as dt
from urllib.parse import quote, urlencode

from django.core import mail
from django.core.cache import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certificates.models import CertificateEvent
from tests.helpers import visit_request_data
from training_site.models import VisitRequest

from .strategies import (
    RAW_MARKERS,
    assert_safe,
    counts,
    hostile_settings,
    hostile_text,
    id_values,
    search_text,
)

pytestmark = pytest.mark.django_db


@hostile_settings
@given(code=hostile_text)
def test_any_typed_code_gets_an_answer_not_an_error(client, home_pages, settings, code):
    settings.CERTIFICATE_VERIFY_LIMIT = 100_000
    before = counts(CertificateEvent)
    assert_safe(client.get("/en/verify/?" + urlencode({"code": code})))
    path = quote(code[:200], safe="")
    for url in (f"/en/verify/{path}/", f"/en/verify/{path}.json", f"/verify/{path}/"):
        response = client.get(url)
        assert_safe(response)
    assert counts(CertificateEvent) == before


filter_values = st.one_of(
    hostile_text, id_values, st.sampled_from(["2026-13", "9999-01", "on", "1", "en"])
)


@hostile_settings
@given(
    language=st.sampled_from(["en", "fr", "ar"]),
    search=search_text,
    query=st.dictionaries(
        st.one_of(
            st.sampled_from(["q", "topic", "language", "mode", "month", "open_now", "page"]),
            hostile_text,
        ),
        filter_values,
        max_size=5,
    ),
)
def test_catalogue_filters_and_search_never_fail(
    client, course_indexes, run, language, search, query
):
    query.setdefault("q", search)
    response = client.get(f"/{language}/programmes/?" + urlencode(query))
    assert response.status_code == 200
    body = assert_safe(response)
    if "<script>" in query.get("q", ""):
        assert "&lt;script&gt;" in body  # the search box keeps what was typed, as text


@hostile_settings
@given(text=search_text)
def test_the_catalogue_search_takes_any_text(course_indexes, run, text):
    for index in course_indexes.values():
        assert isinstance(list(index.catalogue_courses({"q": text})), list)


visit_fields = st.fixed_dictionaries(
    {},
    optional={
        "country": hostile_text,
        "institutions": hostile_text,
        "contact_name": hostile_text,
        "contact_email": st.one_of(hostile_text, st.emails().map(str)),
        "delegation_size": st.one_of(hostile_text, id_values),
        "preferred_start": st.one_of(hostile_text, st.dates().map(dt.date.isoformat)),
        "preferred_end": hostile_text,
        "message": hostile_text,
        "languages": st.lists(hostile_text, max_size=3),
        "topics": st.lists(st.one_of(hostile_text, id_values), max_size=3),
    },
)


@hostile_settings
@given(values=visit_fields)
def test_a_hostile_visit_request_is_refused_or_stored_as_text(
    client, home_pages, settings, django_capture_on_commit_callbacks, values
):
    settings.STAFF_NOTIFICATION_EMAILS = ["visits@centre.example"]
    cache.clear()  # the per-address limit counts every example
    before = counts(VisitRequest)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/study-visit-request/", visit_request_data(**values))
    assert_safe(response)
    if response.status_code == 302:
        assert counts(VisitRequest)["VisitRequest"] == before["VisitRequest"] + 1
        visit = VisitRequest.objects.latest("pk")
        assert mail.outbox and any(visit.contact_name in m.body for m in mail.outbox)
        for message in mail.outbox:
            for content, kind in message.alternatives:
                if kind == "text/html":
                    assert not any(marker in content for marker in RAW_MARKERS)
    else:
        assert counts(VisitRequest) == before
        assert not mail.outbox

"""Hostile input from focal points: the nomination form and the CSV upload."""

import io
from urllib.parse import quote

from django.core import mail

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.models import Enrollment, Nomination
from courses.rules.nominations import CSV_COLUMNS

from .strategies import (
    RAW_MARKERS,
    assert_safe,
    counts,
    hostile_settings,
    hostile_text,
    id_values,
)

pytestmark = pytest.mark.django_db

FIELDS = ("name", "email", "organisation", "job_title", "language")
emails = st.one_of(hostile_text, st.emails().map(str))


def _assert_mail_safe(outbox):
    """HTML parts show input as text; plain-text parts carry it as it was typed."""
    for message in outbox:
        for content, kind in getattr(message, "alternatives", []):
            if kind == "text/html":
                assert not any(marker in content for marker in RAW_MARKERS)


@hostile_settings
@given(
    values=st.fixed_dictionaries(
        {
            "name": hostile_text,
            "email": emails,
            "organisation": hostile_text,
            "job_title": hostile_text,
            "language": st.one_of(st.sampled_from(["ar", "en", "fr"]), hostile_text),
        }
    )
)
def test_a_hostile_nomination_is_refused_or_stored_as_text(
    client, focal_point, invitation_run, django_capture_on_commit_callbacks, values
):
    client.force_login(focal_point.user)
    before = counts(Nomination, Enrollment)
    mail.outbox.clear()
    url = f"/en/focal-point/runs/{invitation_run.public_id}/nominate/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, values)
    assert_safe(response)
    if response.status_code == 200:
        assert counts(Nomination, Enrollment) == before
        assert not mail.outbox
    else:
        assert counts(Nomination)["Nomination"] == before["Nomination"] + 1
        nomination = Nomination.objects.latest("pk")
        assert len(mail.outbox) == 1
        assert nomination.name in mail.outbox[0].body  # the text as typed, not escaped
        _assert_mail_safe(mail.outbox)
    assert_safe(client.get("/en/focal-point/"))


@hostile_settings
@given(run_id=id_values)
def test_a_hostile_run_id_in_the_nomination_urls_is_not_found(client, focal_point, run_id):
    client.force_login(focal_point.user)
    before = counts(Nomination)
    for path in ("nominate/", "nominate/csv/"):
        url = f"/en/focal-point/runs/{quote(run_id, safe='')}/{path}"
        assert assert_safe(client.post(url, {"name": "A", "email": "a@example.org"})) is not None
        assert client.get(url).status_code == 404
    assert counts(Nomination) == before


csv_cell = st.one_of(hostile_text, st.sampled_from(["", '"', '""', ",", "\n", "\r\n"]))
csv_rows = st.lists(st.lists(csv_cell, min_size=0, max_size=7), max_size=6)


def _csv(header: bool, rows: list[list[str]]) -> bytes:
    lines = ([",".join(CSV_COLUMNS)] if header else []) + [",".join(row) for row in rows]
    return "\n".join(lines).encode("utf-8", errors="surrogatepass")


@hostile_settings
@given(
    content=st.one_of(
        st.builds(_csv, st.booleans(), csv_rows),
        st.binary(max_size=2000),
        st.builds(
            lambda encoding, rows: _csv(True, rows).decode().encode(encoding, errors="replace"),
            st.sampled_from(["utf-16", "latin-1", "utf-8-sig", "cp1256"]),
            csv_rows,
        ),
    )
)
def test_a_hostile_csv_imports_all_or_nothing(
    client, focal_point, invitation_run, django_capture_on_commit_callbacks, content
):
    client.force_login(focal_point.user)
    before = counts(Nomination, Enrollment)
    mail.outbox.clear()
    handle = io.BytesIO(content)
    handle.name = "nominees.csv"
    url = f"/en/focal-point/runs/{invitation_run.public_id}/nominate/csv/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"file": handle})
    assert_safe(response)
    if response.status_code == 200:
        assert counts(Nomination, Enrollment) == before
        assert not mail.outbox
    else:
        added = counts(Nomination)["Nomination"] - before["Nomination"]
        assert added > 0 and len(mail.outbox) == added
        _assert_mail_safe(mail.outbox)

"""Known failures of hostile input, each reproduced before its fix: names that reverse themselves,
NUL bytes in an import, search syntax, out-of-range ids and raw HTML in rich text."""

import datetime as dt
import io
import json

from django.utils import timezone

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from certificates.services import issue_certificate
from courses.models import Nomination, TraineeProfile
from training_site.models import VisitRequest

pytestmark = pytest.mark.django_db


# --- issue 15 (bidi): names that reverse themselves, NUL bytes ------------------------------------
# (helper "bidi"). The whole class is covered by tests/training_site/test_text.py (every text
# field and form field carries the hidden-character rule; names in <bdi> on the pages).

REVERSED = "\u202eluaP\u202c Smith"  # shows as "Paul Smith" with "Paul" typed backwards


def test_a_name_that_reverses_itself_is_refused_in_the_trainees_profile(client, user, home_pages):
    client.force_login(user)
    data = {
        "name_latin": REVERSED,
        "name_arabic": "\u202eعمر",
        "country": "JO",
        "organisation": "Public\u200b Security Directorate",
        "organisation_type": "police",
        "job_title": "Investigator",
        "preferred_language": "en",
        "sex": "",
        "consent": "on",
    }
    response = client.post("/en/my/profile/", data)
    assert response.status_code == 200
    assert response.content.decode().count("U+202E RIGHT-TO-LEFT OVERRIDE") == 2
    assert "U+200B ZERO WIDTH SPACE" in response.content.decode()
    assert not TraineeProfile.objects.filter(user=user).exists()


def test_a_certificate_cannot_print_a_reversed_name(completed_enrollment, fake_certificate_pdf):
    # A name typed before names refused hidden characters.
    TraineeProfile.objects.filter(user=completed_enrollment.user).update(
        name_latin=REVERSED, name_arabic="\u202dعمر فاروق\u202c"
    )
    certificate = issue_certificate(enrollment=completed_enrollment, by=None)
    printed = json.dumps(certificate.snapshot, ensure_ascii=False)
    assert certificate.holder_name_latin == "luaP Smith"  # as typed, no longer reversed
    assert certificate.holder_name_arabic == "عمر فاروق"
    for control in ("\u202e", "\u202d", "\u202c"):
        assert control not in printed


def test_a_nul_byte_in_the_nominee_csv_imports_nothing_and_says_why(
    client, focal_point, invitation_run
):

    client.force_login(focal_point.user)
    rows = "name,email,organisation,job_title,language\nAm\x00al,amal@example.org,PSD,Inv,ar\n"
    for content in (rows.encode(), rows.encode("utf-16-le")):
        handle = io.BytesIO(content)
        handle.name = "nominees.csv"
        response = client.post(
            f"/en/focal-point/runs/{invitation_run.public_id}/nominate/csv/", {"file": handle}
        )
        assert response.status_code == 200
        assert "NUL characters" in response.content.decode()
    assert not Nomination.objects.exists()


def test_a_reversed_name_in_the_nominee_csv_imports_nothing(client, focal_point, invitation_run):
    client.force_login(focal_point.user)
    rows = f"name,email,organisation,job_title,language\n{REVERSED},paul@example.org,PSD,Inv,en\n"
    handle = io.BytesIO(rows.encode())
    handle.name = "nominees.csv"
    response = client.post(
        f"/en/focal-point/runs/{invitation_run.public_id}/nominate/csv/", {"file": handle}
    )
    assert "U+202E RIGHT-TO-LEFT OVERRIDE" in response.content.decode()
    assert not Nomination.objects.exists()


# --- issue 15 (hole 7): hostile input gets an answer, never a server error --------------------
# (helper "input"). The whole classes are covered by tests/hostile/ (search text with quotes and
# operators, out-of-range ids in every form and filter) and tests/system/test_hostile_filters.py
# (every filter of every admin listing).


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_a_lone_quote_in_the_catalogue_search_is_answered(
    client, settings, course_indexes, run, language
):
    settings.DEBUG = False
    client.raise_request_exception = False  # a 500 must show up as a 500
    response = client.get(f"/{language}/programmes/", {"q": '"'})
    assert response.status_code == 200
    assert response.context["filters"]["q"] == '"'  # the search box keeps what was typed


def test_a_thirty_digit_topic_in_a_study_visit_request_is_a_form_error(client, home_pages):
    client.raise_request_exception = False
    start = timezone.localdate() + dt.timedelta(days=30)
    data = {
        "country": "JO",
        "institutions": "Ministry",
        "contact_name": "Rania Khalil",
        "contact_email": "rania@example.org",
        "delegation_size": "3",
        "preferred_start": start.isoformat(),
        "preferred_end": start.isoformat(),
        "topics": ["9" * 30],
        "website": "",
    }
    response = client.post("/en/study-visit-request/", data)
    assert response.status_code == 200
    assert "topics" in response.context["form"].errors
    assert not VisitRequest.objects.exists()


def test_an_out_of_range_course_in_the_admin_run_filter_is_ignored(client, mfa_staff_user, run):
    client.raise_request_exception = False
    client.force_login(mfa_staff_user)
    response = client.get("/admin/snippets/courses/courserun/", {"course": "-" + "9" * 20})
    assert response.status_code == 200
    assert "course" in response.context["filters"].errors


def test_raw_html_posted_into_a_rich_text_field_is_read_safely(client, mfa_staff_user, course):
    client.raise_request_exception = False
    client.force_login(mfa_staff_user)
    fields = {"title": course.title, "slug": course.slug, "summary": course.summary}
    fields |= {"hours": course.hours, "level": course.level, "delivery_mode": course.delivery_mode}
    html = "<p>Spotting <b>indicators</b></p><script>alert(1)</script><img src=x onerror=alert(1)>"
    fields |= {"description": html, "instructors": inline_formset([]), "action-publish": "1"}
    response = client.post(f"/admin/pages/{course.pk}/edit/", nested_form_data(fields))
    assert response.status_code == 302, response.context["form"].errors
    course.refresh_from_db()
    assert "<b>indicators</b>" in course.description
    assert "script" not in course.description and "onerror" not in course.description

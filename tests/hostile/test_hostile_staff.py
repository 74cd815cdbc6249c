"""Hostile input in staff and instructor forms: roll call, completion override, the admin's
topic, run and certificate-template forms; and names with markup in certificate PDFs."""

import io

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from certificates import services as certificate_services
from certificates.models import CertificateTemplate
from courses.choices import AttendanceStatus
from courses.models import Attendance, CourseRun, EnrollmentStatusChange, Session, Topic
from tests import factories
from tests.helpers import course_run_form_data

from .strategies import (
    PAYLOADS,
    SCRIPT,
    assert_safe,
    counts,
    hostile_settings,
    hostile_text,
    id_values,
    search_text,
)

pytestmark = pytest.mark.django_db

STATUSES = AttendanceStatus.values


@pytest.fixture
def staff_client(client, mfa_staff_user):
    client.force_login(mfa_staff_user)
    return client


@hostile_settings
@given(
    marks=st.dictionaries(
        st.one_of(hostile_text.map("status-{}".format), st.just("status-ENROLLED")),
        st.one_of(st.sampled_from(STATUSES), hostile_text),
        max_size=4,
    )
)
def test_a_hostile_roll_call_saves_all_or_nothing(staff_client, run, marks):
    session = factories.SessionFactory(run=run)
    enrollment = factories.EnrollmentFactory(run=run)
    if "status-ENROLLED" in marks:  # a real trainee of the run among the hostile keys
        marks[f"status-{enrollment.public_id}"] = marks.pop("status-ENROLLED")
    before = counts(Attendance, EnrollmentStatusChange)
    response = staff_client.post(reverse("courses:roll_call", args=[session.public_id]), marks)
    assert response.status_code < 500
    saved = Attendance.objects.filter(session=session).count()
    valid = all(
        key == f"status-{enrollment.public_id}" and value in STATUSES
        for key, value in marks.items()
        if value
    )
    if not valid:
        assert counts(Attendance, EnrollmentStatusChange) == before
    else:
        assert saved == sum(1 for value in marks.values() if value)
    assert_safe(staff_client.get(reverse("courses:roll_call", args=[session.public_id])))


@hostile_settings
@given(complete=st.one_of(st.sampled_from(["0", "1"]), hostile_text), reason=hostile_text)
@example(complete="1", reason=SCRIPT)
def test_a_hostile_override_is_recorded_as_text_or_refused(staff_client, run, complete, reason):
    enrollment = factories.EnrollmentFactory(run=run)
    before = counts(EnrollmentStatusChange)
    url = reverse("courses:override_completion", args=[enrollment.public_id])
    response = staff_client.post(url, {"complete": complete, "reason": reason})
    assert_safe(response)
    if response.status_code == 200:
        assert counts(EnrollmentStatusChange) == before
    assert_safe(staff_client.get(reverse("courses:teaching_run", args=[run.public_id])))


@hostile_settings
@given(name=hostile_text, slug=hostile_text)
@example(name=SCRIPT, slug="investigation")  # saved, then listed
def test_a_hostile_topic_in_the_admin(staff_client, locales, name, slug):
    before = counts(Topic)
    response = staff_client.post(
        reverse("wagtailsnippets_courses_topic:add"), {"name": name, "slug": slug}
    )
    assert_safe(response)
    if response.status_code == 200:
        assert counts(Topic) == before
    assert_safe(staff_client.get(reverse("wagtailsnippets_courses_topic:list")))


@hostile_settings
@given(venue=hostile_text, capacity=st.one_of(hostile_text, st.integers().map(str)))
@example(venue=SCRIPT, capacity="20")
def test_a_hostile_run_in_the_admin(staff_client, course, venue, capacity):
    import datetime as dt

    from django.utils import timezone

    start = timezone.localdate() + dt.timedelta(days=30)
    data = course_run_form_data(course, start=start, end=start, closes=timezone.localtime())
    data.update({"venue": venue, "capacity": capacity})
    before = counts(CourseRun, Session)
    response = staff_client.post(reverse("wagtailsnippets_courses_courserun:add"), data)
    assert_safe(response)
    if response.status_code == 200:
        assert counts(CourseRun, Session) == before
    assert_safe(staff_client.get(reverse("wagtailsnippets_courses_courserun:list")))


@hostile_settings
@given(name=hostile_text, body=hostile_text)
@example(name=SCRIPT, body=SCRIPT + " {name} {course}")
def test_a_hostile_certificate_template_in_the_admin(staff_client, name, body):
    before = counts(CertificateTemplate)
    data = nested_form_data(
        {
            "name": name,
            "printed_languages": "ar-en",
            **{f"{field}_{code}": body for field in ("title", "body") for code in ("ar", "en")},
            "title_fr": "",
            "body_fr": "",
            "accent_colour": "#1d4e89",
            "paper_size": "A4",
            "orientation": "landscape",
            "partner_logos": inline_formset([]),
            "signatories": inline_formset([]),
        }
    )
    response = staff_client.post(
        reverse("wagtailsnippets_certificates_certificatetemplate:add"), data
    )
    assert_safe(response)
    if response.status_code == 200:
        assert counts(CertificateTemplate) == before
    assert_safe(staff_client.get(reverse("wagtailsnippets_certificates_certificatetemplate:list")))


# The staff's listings and their filters (every filter of every admin listing gets fixed hostile
# values in tests/system/test_hostile_filters.py; here they get drawn ones).
ADMIN_FILTERS = {
    "/admin/snippets/courses/courserun/": ("course", "status", "language", "q"),
    "/admin/snippets/courses/enrollment/": ("run", "status", "country", "q"),
    "/admin/training-reports/run/": ("topic", "course", "year", "date_from", "country"),
    "/admin/reports/site-history/": ("user", "action", "timestamp_after"),
    "/admin/pages/search/": ("q", "content_type", "locale"),
    "/admin/choose-page/search/": ("q",),
    "/admin/images/": ("q", "collection_id"),
}


@hostile_settings
@given(
    listing=st.sampled_from(sorted(ADMIN_FILTERS)),
    choice=st.integers(min_value=0, max_value=4),
    value=st.one_of(id_values, search_text),
)
def test_hostile_admin_filters_and_searches_are_answered(staff_client, run, listing, choice, value):
    fields = ADMIN_FILTERS[listing]
    field = fields[choice % len(fields)]
    response = staff_client.get(listing, {field: value})
    assert_safe(response)
    if listing != "/admin/pages/search/" or field != "content_type":
        assert response.status_code == 200  # the listing, with the value ignored or refused
    # (Wagtail's page search answers an unknown page type with "not found".)


def _pdf_text(certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


latin_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=20)


@settings(parent=hostile_settings, max_examples=4)  # WeasyPrint takes a moment per PDF
@given(before=latin_words, payload=st.sampled_from(PAYLOADS[:2]))
def test_markup_in_a_name_is_printed_as_text_in_the_pdf(course, private_storage, before, payload):
    template = factories.CertificateTemplateFactory(printed_languages="ar-en")
    run = factories.CourseRunFactory(course=course, certificate_template=template)
    user = factories.TraineeFactory()
    user.trainee_profile.name_latin = f"Omar {before} {payload}"
    user.trainee_profile.save()
    enrollment = factories.EnrollmentFactory(user=user, run=run, status="completed")
    certificate = certificate_services.issue_certificate(enrollment=enrollment, by=None)
    text = "".join(_pdf_text(certificate).split())
    assert "".join(payload.split()) in text  # the characters themselves, not interpreted

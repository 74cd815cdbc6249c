"""The public study-visit request: submission, e-mails, validation, spam protection."""

import datetime as dt

from django.core import mail
from django.utils import timezone
from django.utils.html import escape

import pytest

from tests import factories
from tests.helpers import visit_request_data
from training_site.models import VisitRequest, VisitRequestStatus

pytestmark = pytest.mark.django_db


def _post(client, code, capture, **overrides):
    with capture(execute=True):
        return client.post(f"/{code}/study-visit-request/", visit_request_data(**overrides))


SUBJECTS = {
    "ar": "لقد تلقّينا طلب الزيارة الدراسية",
    "en": "We have received your study visit request",
    "fr": "Nous avons bien reçu votre demande de visite d'étude",
}


@pytest.mark.parametrize("code", ["ar", "en", "fr"])
def test_request_is_stored_and_acknowledged_in_the_visitors_language(
    client, home_pages, django_capture_on_commit_callbacks, settings, code
):
    settings.STAFF_NOTIFICATION_EMAILS = ["visits@centre.example"]
    topic = factories.TopicFactory(locale=factories.locale(code), name=f"Topic in {code}")
    response = _post(client, code, django_capture_on_commit_callbacks, topics=[topic.pk])

    assert response.status_code == 302
    assert response["Location"] == f"/{code}/study-visit-request/sent/"
    visit = VisitRequest.objects.get()
    assert visit.language == code
    assert visit.status == VisitRequestStatus.NEW
    assert visit.delegation_size == 8
    assert list(visit.topics.all()) == [topic]
    assert visit.languages == ["ar", "en"]

    acknowledgement, staff = mail.outbox
    assert acknowledgement.to == ["rania@example.org"]
    assert acknowledgement.subject == SUBJECTS[code]
    assert "Ministry of Labour" in acknowledgement.body
    assert f"Topic in {code}" in acknowledgement.body
    assert staff.to == ["visits@centre.example"]
    assert staff.reply_to == ["rania@example.org"]
    assert "rania@example.org" in staff.body
    assert f"/admin/visit_requests/edit/{visit.pk}/" in staff.body

    sent = client.get(response["Location"])
    assert "rania@example.org" in sent.content.decode()


def test_the_form_offers_topics_of_the_current_language_only(client, home_pages):
    factories.TopicFactory(locale=factories.locale("fr"), name="Identification des victimes")
    factories.TopicFactory(locale=factories.locale("en"), name="Victim identification")
    html = client.get("/fr/study-visit-request/").content.decode()
    assert "Identification des victimes" in html
    assert "Victim identification" not in html


def test_the_form_works_without_any_topic(client, home_pages, django_capture_on_commit_callbacks):
    assert client.get("/en/study-visit-request/").status_code == 200
    assert _post(client, "en", django_capture_on_commit_callbacks).status_code == 302
    assert VisitRequest.objects.count() == 1


def test_the_browser_checks_what_the_server_checks(client, home_pages):
    html = client.get("/en/study-visit-request/").content.decode()
    today = timezone.localdate().isoformat()
    assert 'type="number" name="delegation_size" min="1" max="100" required' in html
    assert 'type="email" name="contact_email"' in html
    assert f'type="date" name="preferred_start" min="{today}" required' in html
    assert f'type="date" name="preferred_end" min="{today}" required' in html
    assert 'name="country" required' in html
    assert 'name="website"' in html  # the honeypot


MESSAGES = {
    "size_zero": {
        "ar": "يضم الوفد شخصًا واحدًا على الأقل.",
        "en": "A delegation has at least one person.",
        "fr": "Une délégation compte au moins une personne.",
    },
    "size_large": {
        "en": "We can receive at most 100 people",
        "fr": "Nous pouvons recevoir au plus 100 personnes",
        "ar": "يمكننا استقبال 100 شخص على الأكثر",
    },
    "past": {
        "ar": "لا يمكن أن يكون تاريخ البدء في الماضي.",
        "en": "The start date cannot be in the past.",
        "fr": "La date de début ne peut pas être dans le passé.",
    },
    "order": {
        "ar": "يجب أن يكون تاريخ الانتهاء في تاريخ البدء أو بعده.",
        "en": "The end date must be on or after the start date.",
        "fr": "La date de fin doit être le même jour que la date de début ou après.",
    },
    "missing": {
        "ar": "اذكر اسم شخص للتواصل.",
        "en": "Give the name of a contact person.",
        "fr": "Indiquez le nom d'une personne à contacter.",
    },
}


def _bad_input(kind):
    today = timezone.localdate()
    return {
        "size_zero": {"delegation_size": "0"},
        "size_large": {"delegation_size": "10000"},
        "past": {"preferred_start": (today - dt.timedelta(days=1)).isoformat()},
        "order": {
            "preferred_start": (today + dt.timedelta(days=10)).isoformat(),
            "preferred_end": (today + dt.timedelta(days=9)).isoformat(),
        },
        "missing": {"contact_name": ""},
    }[kind]


@pytest.mark.parametrize("code", ["ar", "en", "fr"])
@pytest.mark.parametrize("kind", list(MESSAGES))
def test_bad_input_is_refused_with_a_clear_message_in_the_visitors_language(
    client, home_pages, django_capture_on_commit_callbacks, code, kind
):
    response = _post(client, code, django_capture_on_commit_callbacks, **_bad_input(kind))
    assert response.status_code == 200
    assert escape(MESSAGES[kind][code]) in response.content.decode()
    assert not VisitRequest.objects.exists()
    assert mail.outbox == []


def test_the_honeypot_stores_nothing_and_sends_nothing(
    client, home_pages, django_capture_on_commit_callbacks
):
    response = _post(
        client, "en", django_capture_on_commit_callbacks, website="http://spam.example"
    )
    assert response.status_code == 400
    assert "could not be accepted as sent" in response.content.decode()
    assert not VisitRequest.objects.exists()
    assert mail.outbox == []


def test_a_flood_from_one_address_is_stopped(
    client, home_pages, django_capture_on_commit_callbacks
):
    for n in range(3):
        response = _post(
            client, "fr", django_capture_on_commit_callbacks, contact_email=f"c{n}@example.org"
        )
        assert response.status_code == 302
    mail.outbox.clear()
    response = _post(
        client, "fr", django_capture_on_commit_callbacks, contact_email="c9@example.org"
    )
    assert response.status_code == 429
    assert "Nous avons déjà reçu plusieurs demandes de votre part" in response.content.decode()
    assert VisitRequest.objects.count() == 3
    assert mail.outbox == []


def test_the_limit_also_holds_per_e_mail_address_across_network_addresses(
    client, home_pages, django_capture_on_commit_callbacks
):
    for n in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/en/study-visit-request/", visit_request_data(), REMOTE_ADDR=f"10.0.0.{n}")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/study-visit-request/", visit_request_data(), REMOTE_ADDR="10.0.0.99"
        )
    assert response.status_code == 429
    assert VisitRequest.objects.count() == 3


def test_hostile_input_is_escaped_in_the_page_and_the_e_mails(
    client, home_pages, django_capture_on_commit_callbacks
):
    hostile = '<script>alert("x")</script>'
    _post(
        client,
        "en",
        django_capture_on_commit_callbacks,
        contact_name=hostile,
        institutions=hostile,
        message=hostile,
    )
    acknowledgement = mail.outbox[0]
    html = acknowledgement.alternatives[0][0]
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    # The plain-text part is not HTML: it carries the text as typed.
    assert hostile in acknowledgement.body

    response = _post(
        client, "en", django_capture_on_commit_callbacks, contact_name="", message=hostile
    )
    assert "<script>alert" not in response.content.decode()


def test_the_sent_page_needs_a_submission(client, home_pages):
    response = client.get("/en/study-visit-request/sent/")
    assert response.status_code == 302
    assert response["Location"] == "/en/study-visit-request/"

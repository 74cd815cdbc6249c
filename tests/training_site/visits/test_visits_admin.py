"""Staff follow up study-visit requests in the Wagtail admin."""

from django.core import mail

import pytest

from tests import factories
from training_site.models import (
    VisitReply,
    VisitReplyKind,
    VisitRequest,
    VisitRequestNote,
    VisitRequestStatus,
    VisitStatusChange,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, mfa_staff_user):
    client.force_login(mfa_staff_user)
    return client


def _edit(client, visit, capture, **data):
    payload = {"status": visit.status, "note": "", "reply": ""}
    payload.update(data)
    with capture(execute=True):
        return client.post(f"/admin/visit_requests/edit/{visit.pk}/", payload)


def test_staff_see_requests_with_their_status_filter_and_search(staff_client):
    factories.VisitRequestFactory(contact_name="Rania Khalil")
    factories.VisitRequestFactory(
        contact_name="Jean Martin", status=VisitRequestStatus.UNDER_REVIEW
    )
    html = staff_client.get("/admin/visit_requests/").content.decode()
    assert "Rania Khalil" in html and "Jean Martin" in html

    filtered = staff_client.get("/admin/visit_requests/?status=under_review").content.decode()
    assert "Jean Martin" in filtered and "Rania Khalil" not in filtered

    found = staff_client.get("/admin/visit_requests/?q=Rania").content.decode()
    assert "Rania Khalil" in found and "Jean Martin" not in found


def test_the_admin_needs_two_factor(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/admin/visit_requests/")
    assert response.status_code == 302
    assert "/accounts/2fa/" in response["Location"]


def test_requests_cannot_be_added_in_the_admin(staff_client):
    response = staff_client.get("/admin/visit_requests/new/")
    assert response.status_code in (302, 403)
    assert not VisitRequest.objects.exists()


def test_status_change_and_note_are_recorded_with_who_and_when(
    staff_client, mfa_staff_user, django_capture_on_commit_callbacks
):
    visit = factories.VisitRequestFactory()
    response = _edit(
        staff_client,
        visit,
        django_capture_on_commit_callbacks,
        status=VisitRequestStatus.UNDER_REVIEW,
        note="Check dates with UNODC.",
    )
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == VisitRequestStatus.UNDER_REVIEW
    change = VisitStatusChange.objects.get(request=visit)
    assert (change.from_status, change.to_status) == ("new", "under_review")
    assert change.by == mfa_staff_user and change.at is not None
    note = VisitRequestNote.objects.get(request=visit)
    assert note.text == "Check dates with UNODC." and note.author == mfa_staff_user
    assert mail.outbox == []  # notes are internal

    page = staff_client.get(f"/admin/visit_requests/edit/{visit.pk}/").content.decode()
    assert "Check dates with UNODC." in page


def test_saving_without_change_records_nothing(staff_client, django_capture_on_commit_callbacks):
    visit = factories.VisitRequestFactory()
    _edit(staff_client, visit, django_capture_on_commit_callbacks)
    assert not VisitStatusChange.objects.exists()
    assert not VisitRequestNote.objects.exists()


@pytest.mark.parametrize(
    ("language", "greeting"),
    [("fr", "Ce message répond à votre demande"), ("ar", "هذه الرسالة ردٌّ على طلب")],
)
def test_a_reply_is_e_mailed_in_the_requests_language_and_kept(
    staff_client, mfa_staff_user, django_capture_on_commit_callbacks, language, greeting
):
    visit = factories.VisitRequestFactory(language=language, contact_email="c@example.org")
    _edit(
        staff_client,
        visit,
        django_capture_on_commit_callbacks,
        reply="Could the delegation come in March?",
    )
    reply = VisitReply.objects.get(request=visit)
    assert reply.kind == VisitReplyKind.REPLY
    assert reply.sent_by == mfa_staff_user
    assert reply.body == "Could the delegation come in March?"
    (message,) = mail.outbox
    assert message.to == ["c@example.org"]
    assert "Could the delegation come in March?" in message.body
    assert greeting in message.body


def test_the_programme_link_goes_out_in_the_requests_language(
    staff_client, programme, confirmed_visit, locales, django_capture_on_commit_callbacks
):
    english = programme.copy_for_translation(locales["en"])
    english.title = "Visit programme"
    english.save_revision().publish()
    english = english.specific
    _edit(staff_client, confirmed_visit, django_capture_on_commit_callbacks, send_programme="on")
    (message,) = mail.outbox
    assert english.private_url() in message.body
    assert "/en/" in english.private_url()
    assert "The programme of your study visit is ready" in message.body
    assert VisitReply.objects.get().kind == VisitReplyKind.PROGRAMME_LINK


def test_no_programme_link_without_a_published_programme(
    staff_client, django_capture_on_commit_callbacks
):
    visit = factories.VisitRequestFactory()
    response = _edit(
        staff_client,
        visit,
        django_capture_on_commit_callbacks,
        status=VisitRequestStatus.CONFIRMED,
        note="Confirmed by phone.",
        send_programme="on",
    )
    assert response.status_code == 200
    # The admin speaks the staff member's language (Arabic by default).
    assert "لا توجد بعد صفحة برنامج منشورة لهذا الطلب." in response.content.decode()
    visit.refresh_from_db()
    assert visit.status == VisitRequestStatus.NEW  # nothing half-done
    assert not VisitRequestNote.objects.exists()
    assert not VisitStatusChange.objects.exists()
    assert mail.outbox == []

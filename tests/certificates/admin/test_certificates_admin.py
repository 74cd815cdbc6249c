import io
import zipfile

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest
from pypdf import PdfReader

from certificates import services
from certificates.choices import CertificateStatus
from certificates.models import Certificate
from tests import factories

pytestmark = pytest.mark.usefixtures("home_pages")


@pytest.fixture
def admin_client(client, mfa_staff_user):
    client.force_login(mfa_staff_user)
    return client


def test_template_preview_renders_a_sample_pdf(admin_client):
    """The editor's preview: the unsaved wording, printed on a one-page sample certificate."""
    template = factories.CertificateTemplateFactory(printed_languages="ar-fr")
    url = reverse(
        "wagtailsnippets_certificates_certificatetemplate:preview_on_edit", args=[template.pk]
    )
    data = nested_form_data(
        {
            "name": template.name,
            "printed_languages": "ar-fr",
            "title_ar": template.title_ar,
            "body_ar": template.body_ar,
            "title_en": template.title_en,
            "body_en": template.body_en,
            "title_fr": "Attestation provisoire",
            "body_fr": "a suivi « {course} »",
            "accent_colour": "#0b5d3b",
            "paper_size": "A4",
            "orientation": "landscape",
            "partner_logos": inline_formset([]),
            "signatories": inline_formset([]),
        }
    )
    assert admin_client.post(url, data).json()["is_valid"]
    response = admin_client.get(url)
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Omar Farouk" in text
    assert "ATTESTATION PROVISOIRE" in text.upper()  # the unsaved title (printed in capitals)
    template.refresh_from_db()
    assert template.title_fr != "Attestation provisoire"  # previewed, not saved


def test_template_version_increases_on_each_save(db):
    template = factories.CertificateTemplateFactory()
    assert template.version == 1
    template.title_en = "Certificate of Attendance"
    template.save()
    assert template.version == 2


@pytest.mark.usefixtures("fake_certificate_pdf")
def test_staff_issue_one_then_the_rest_and_see_progress(
    admin_client, completed_enrollment, django_capture_on_commit_callbacks
):
    run = completed_enrollment.run
    other = factories.EnrollmentFactory(run=run, status="completed")
    url = reverse("certificate_issuance:run", args=[run.public_id])
    page = admin_client.get(url)
    assert page.status_code == 200
    assert completed_enrollment.user.trainee_profile.name_latin in page.content.decode()

    admin_client.post(url, {"action": "issue_one", "enrollment": completed_enrollment.public_id})
    assert Certificate.objects.filter(enrollment=completed_enrollment).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(url, {"action": "issue_all"})
    assert Certificate.objects.filter(enrollment=other).count() == 1
    body = admin_client.get(url).content.decode()
    assert 'value="100"' in body  # the progress bar
    assert admin_client.get(reverse("certificate_issuance:index")).status_code == 200


@pytest.mark.usefixtures("fake_certificate_pdf")
def test_staff_revoke_and_reissue_with_a_reason(admin_client, completed_enrollment, mfa_staff_user):
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)
    reissue_url = reverse("certificate_issuance:reissue", args=[certificate.public_id])
    assert admin_client.get(reissue_url).status_code == 200
    admin_client.post(reissue_url, {"reason": "Name corrected"})
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.SUPERSEDED
    new = certificate.superseded_by
    revoke_url = reverse("certificate_issuance:revoke", args=[new.public_id])
    admin_client.post(revoke_url, {"reason": ""})
    new.refresh_from_db()
    assert new.status == CertificateStatus.VALID  # no reason, nothing changed
    admin_client.post(revoke_url, {"reason": "Fraud"})
    new.refresh_from_db()
    assert new.status == CertificateStatus.REVOKED
    assert new.events.get(action="revoked").by == mfa_staff_user


@pytest.mark.usefixtures("fake_certificate_pdf")
def test_certificate_list_filters_and_searches(admin_client, completed_enrollment):
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)
    index = reverse("certificate:index")
    body = admin_client.get(index, {"q": certificate.serial}).content.decode()
    assert certificate.serial in body
    body = admin_client.get(index, {"status": "revoked"}).content.decode()
    assert certificate.serial not in body
    body = admin_client.get(index, {"enrollment__run": completed_enrollment.run.pk}).content
    assert certificate.serial in body.decode()
    assert admin_client.get(reverse("certificate:add")).status_code in (302, 403, 404)


@pytest.mark.usefixtures("fake_certificate_pdf")
def test_a_runs_certificates_download_as_one_streamed_zip(admin_client, completed_enrollment):
    run = completed_enrollment.run
    others = factories.EnrollmentFactory.create_batch(2, run=run, status="completed")
    issued = [
        services.issue_certificate(enrollment=e, by=None) for e in [completed_enrollment, *others]
    ]
    response = admin_client.get(reverse("certificate_issuance:zip", args=[run.public_id]))
    assert response.streaming
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert sorted(archive.namelist()) == sorted(f"{c.serial}.pdf" for c in issued)
    with issued[0].pdf.open("rb") as handle:
        assert archive.read(f"{issued[0].serial}.pdf") == handle.read()


def test_issuance_pages_are_hidden_from_non_staff(client, completed_enrollment):
    client.force_login(completed_enrollment.user)
    url = reverse("certificate_issuance:run", args=[completed_enrollment.run.public_id])
    assert client.get(url).status_code == 403  # the admin's door: "this area is for the team"


def test_staff_open_the_template_editor(admin_client):
    from certificates.models import CertificateTemplate

    template = factories.CertificateTemplateFactory()
    viewset = CertificateTemplate.snippet_viewset
    assert admin_client.get(reverse(viewset.get_url_name("list"))).status_code == 200
    response = admin_client.get(reverse(viewset.get_url_name("edit"), args=[template.pk]))
    assert response.status_code == 200
    assert "body_ar" in response.content.decode()

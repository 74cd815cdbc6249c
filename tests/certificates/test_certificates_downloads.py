from django.utils import translation

import pytest

from certificates import services
from certificates.permissions import can_download
from tests import factories

pytestmark = pytest.mark.usefixtures("home_pages")


@pytest.fixture
def certificate(completed_enrollment):
    """A valid certificate with its stored PDF (how it was issued is not what these test)."""
    return factories.CertificateFactory(enrollment=completed_enrollment)


def _download(client, certificate, lang="en"):
    return client.get(f"/{lang}/certificates/{certificate.public_id}/download/")


def test_the_holder_downloads_their_pdf(client, certificate):
    client.force_login(certificate.enrollment.user)
    response = _download(client, certificate)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert certificate.serial in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert certificate.events.filter(action="downloaded").exists()


def test_centre_staff_download_any_certificate(client, certificate, mfa_staff_user):
    client.force_login(mfa_staff_user)
    assert _download(client, certificate).status_code == 200


@pytest.mark.parametrize("role", ["other trainee", "instructor", "focal point", "plain staff flag"])
def test_anyone_else_gets_404(client, certificate, role):
    from training_site.core.roles import ensure_groups

    groups = ensure_groups()
    user = factories.TraineeFactory()
    if role == "instructor":
        user.groups.add(groups["instructors"])
    elif role == "focal point":
        user.groups.add(groups["focal_points"])
    elif role == "plain staff flag":
        user.is_staff = True
        user.save()
    client.force_login(user)
    assert _download(client, certificate).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, certificate):
    response = _download(client, certificate)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_unknown_ids_are_404(client, certificate):
    client.force_login(certificate.enrollment.user)
    response = client.get("/en/certificates/00000000-0000-0000-0000-000000000000/download/")
    assert response.status_code == 404


def test_a_revoked_certificate_is_no_longer_downloadable_by_the_holder(
    client, completed_enrollment, mfa_staff_user
):
    certificate = factories.CertificateFactory(enrollment=completed_enrollment, revoked=True)
    client.force_login(certificate.enrollment.user)
    assert _download(client, certificate).status_code == 404
    client.force_login(mfa_staff_user)
    assert _download(client, certificate).status_code == 200


def test_the_nominating_focal_point_may_download_a_valid_certificate(certificate, staff_user):
    focal = factories.UserFactory()
    assert not can_download(focal, certificate)
    factories.NominationFactory(
        run=certificate.enrollment.run, enrollment=certificate.enrollment, nominated_by=focal
    )
    assert can_download(focal, certificate)
    assert not can_download(factories.UserFactory(), certificate)
    services.revoke(certificate=certificate, by=staff_user, reason="Error")
    certificate.refresh_from_db()
    assert not can_download(focal, certificate)


def test_the_pdf_is_not_under_the_public_media_url(certificate, settings, private_storage):
    assert certificate.pdf.path.startswith(str(private_storage))
    assert not certificate.pdf.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        certificate.pdf.url  # noqa: B018


def test_my_certificates_lists_download_and_verification_link(client, certificate):
    client.force_login(certificate.enrollment.user)
    body = client.get("/en/my/certificates/").content.decode()
    with translation.override("en"):
        assert f'href="{certificate.download_path()}"' in body
    assert certificate.verification_url() in body

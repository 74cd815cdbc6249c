import pytest

from certificates import services
from tests import factories

pytestmark = pytest.mark.usefixtures("fake_certificate_pdf", "home_pages")


@pytest.fixture
def certificate(completed_enrollment, staff_user):
    return services.issue_certificate(enrollment=completed_enrollment, by=staff_user)


def _page(client, code, lang="en"):
    return client.get(f"/{lang}/verify/{code}/")


def test_a_valid_certificate_shows_the_public_facts_only(client, certificate):
    profile = certificate.enrollment.user.trainee_profile
    response = _page(client, certificate.code)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Valid certificate" in body
    assert profile.name_latin in body and profile.name_arabic in body
    assert certificate.serial in body
    assert certificate.snapshot["course"]["en"] in body
    assert certificate.enrollment.user.email not in body
    assert profile.organisation not in body and "Jordan" not in body
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_the_page_speaks_the_visitors_language(client, certificate):
    body = _page(client, certificate.code, lang="ar").content.decode()
    assert 'lang="ar" dir="rtl"' in body


@pytest.mark.parametrize(
    "typed",
    [
        lambda c: c.lower(),
        lambda c: c.replace("-", " "),
        lambda c: c.replace("-", ""),
        lambda c: c.replace("0", "O").replace("1", "I"),
    ],
    ids=["lower-case", "spaces", "no-dashes", "lookalikes"],
)
def test_typed_codes_are_normalised(client, certificate, typed):
    response = client.get("/en/verify/", {"code": typed(certificate.code)})
    assert response.status_code == 302
    assert response["Location"] == f"/en/verify/{certificate.code}/"


@pytest.mark.parametrize(
    "garbage", ["hello", "<script>x</script>", "7KQ2-M9XD", "%00" * 5, "x" * 500]
)
def test_garbage_codes_get_a_clear_message(client, db, garbage):
    response = client.get("/en/verify/", {"code": garbage})
    assert response.status_code == 400
    assert "This is not a verification code" in response.content.decode()


def test_a_wrong_code_gets_the_same_page_shape(client, certificate):
    wrong = "0000-0000-0000-0000"
    right = _page(client, certificate.code)
    missing = _page(client, wrong)
    assert missing.status_code == right.status_code == 200
    assert "No certificate has this code" in missing.content.decode()
    assert right.templates[0].name == missing.templates[0].name


def test_revocation_is_visible_at_once(client, certificate, staff_user):
    assert "Valid certificate" in _page(client, certificate.code).content.decode()
    services.revoke(certificate=certificate, by=staff_user, reason="Issued in error")
    body = _page(client, certificate.code).content.decode()
    assert "has been revoked" in body and "Issued in error" in body
    data = client.get(f"/en/verify/{certificate.code}.json").json()
    assert data["status"] == "revoked" and data["revocation_reason"] == "Issued in error"


def test_superseded_links_to_the_current_certificate(client, certificate, staff_user):
    new = services.reissue(certificate=certificate, by=staff_user, reason="Name corrected")
    newest = services.reissue(certificate=new, by=staff_user, reason="Again")
    body = _page(client, certificate.code).content.decode()
    assert "replaced by a corrected one" in body
    assert f"/en/verify/{newest.code}/" in body
    data = client.get(f"/en/verify/{certificate.code}.json").json()
    assert data["status"] == "superseded"
    assert data["superseded_by"]["code"] == newest.code


def test_json_gives_the_same_facts(client, certificate):
    data = client.get(f"/fr/verify/{certificate.code.lower()}.json").json()
    assert data["status"] == "valid"
    assert data["serial"] == certificate.serial
    assert data["holder"] == {
        "latin": certificate.holder_name_latin,
        "arabic": certificate.holder_name_arabic,
    }
    assert data["hours"] == certificate.snapshot["hours"]
    assert "email" not in str(data)
    assert client.get("/fr/verify/0000-0000-0000-0000.json").json() == {"status": "not_found"}


def test_verify_without_language_prefix_redirects_to_the_visitors_language(client, certificate):
    response = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302
    assert response["Location"] == f"/fr/verify/{certificate.code}/"
    response = client.get("/verify/not-a-code/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/en/verify/"


def test_lookups_are_throttled_per_address(client, certificate, settings):
    settings.CERTIFICATE_VERIFY_LIMIT = 3
    for _ in range(3):
        assert _page(client, certificate.code).status_code == 200
    blocked = _page(client, certificate.code)
    assert blocked.status_code == 429
    assert "Too many checks" in blocked.content.decode()
    assert client.get(f"/en/verify/{certificate.code}.json").status_code == 429
    other = client.get(f"/en/verify/{certificate.code}/", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 200


# --- upload check -------------------------------------------------------------------------------


def _upload(client, content: bytes, name="certificate.pdf"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        "/en/verify/check-file/",
        {"file": SimpleUploadedFile(name, content, content_type="application/pdf")},
    )


def _stored(certificate) -> bytes:
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def test_the_original_file_matches_and_a_changed_byte_does_not(client, certificate):
    original = _stored(certificate)
    body = _upload(client, original).content.decode()
    assert "exactly the certificate the centre issued" in body
    assert certificate.serial in body

    changed = bytearray(original)
    changed[-8] ^= 0x01
    body = _upload(client, bytes(changed)).content.decode()
    assert "not a certificate issued by the centre" in body
    assert certificate.serial not in body


def test_an_upload_that_is_not_a_pdf_is_refused_clearly(client, db):
    response = _upload(client, b"MZ\x90\x00 not a pdf", name="virus.pdf")
    assert response.status_code == 400
    assert "This file is not a PDF." in response.content.decode()


def test_an_upload_over_10_mb_is_refused_clearly(client, db):
    response = _upload(client, b"%PDF-" + b"0" * (50 * 1024 * 1024))
    assert response.status_code == 400
    assert "larger than 10 MB" in response.content.decode()


def test_the_verify_form_page_opens(client, db):
    response = client.get("/ar/verify/")
    assert response.status_code == 200
    assert 'name="code"' in response.content.decode()


def test_a_code_is_unique_per_certificate(course, private_storage):
    template = factories.CertificateTemplateFactory()
    run = factories.CourseRunFactory(course=course, certificate_template=template)
    codes = {
        services.issue_certificate(
            enrollment=factories.EnrollmentFactory(run=run, status="completed"), by=None
        ).code
        for _ in range(5)
    }
    assert len(codes) == 5

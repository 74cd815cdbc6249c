"""Journey 5: centre staff issue a run's certificates in bulk from the admin and revoke one;
the public verification page then says it is revoked. In Arabic and in English."""

from django.urls import reverse

import pytest

from certificates.choices import CertificateStatus
from certificates.models import Certificate
from tests import factories

from .journey import LANGUAGES, Journey

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(course, private_storage, fake_certificate_pdf, mfa_staff_user):
    run = factories.CourseRunFactory(
        course=course, certificate_template=factories.CertificateTemplateFactory()
    )
    names = ["Amal Haddad", "Rami Saleh", "Lina Khoury"]
    enrollments = []
    for name in names:
        enrollment = factories.EnrollmentFactory(run=run, status="completed")
        enrollment.user.trainee_profile.name_latin = name
        enrollment.user.trainee_profile.save()
        enrollments.append(enrollment)
    return {"run": run, "enrollments": enrollments, "staff": mfa_staff_user}


@pytest.mark.parametrize("code", LANGUAGES)
def test_staff_issue_in_bulk_and_revoke_one(journey_page, live_site, world, code):
    journey = Journey(journey_page, live_site, "certificates", code)
    page = journey.page
    journey.sign_in(world["staff"])
    run = world["run"]

    journey.goto(reverse("certificate_issuance:index"), "admin-runs")
    page.locator(f"main a[href$='{run.public_id}/']").first.click()
    page.wait_for_load_state()
    journey.step("admin-run", site_page=False)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").first.click()  # issue all
    page.goto(journey.url(reverse("certificate_issuance:run", args=[run.public_id])))
    journey.step("admin-issued", site_page=False)
    assert Certificate.objects.filter(enrollment__run=run).count() == 3
    assert page.locator("main a[href*='/revoke/']").count() == 3

    certificate = Certificate.objects.get(enrollment=world["enrollments"][1])
    page.locator(f"main a[href*='{certificate.public_id}/revoke/']").click()
    page.wait_for_load_state()
    journey.step("admin-revoke", site_page=False)
    page.locator("main form textarea, main form input[type=text]").first.fill("Issued by mistake")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert Certificate.objects.filter(status=CertificateStatus.VALID).count() == 2

    page.context.clear_cookies()  # anyone may verify
    journey.goto(f"/{code}/verify/{certificate.code}/", "verify-revoked")
    result = page.locator(".verify-result")
    assert "is-revoked" in result.get_attribute("class")
    assert "Issued by mistake" in result.inner_text()
    assert "Rami Saleh" in result.inner_text()
    journey.assert_accessible()

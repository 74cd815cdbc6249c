import pytest

from certificates import demo
from certificates.models import Certificate, CertificateTemplate


@pytest.mark.usefixtures("fake_certificate_pdf")
def test_demo_seed_is_idempotent_and_issues_for_completed_enrollments(completed_enrollment):
    run = completed_enrollment.run
    run.certificate_template = None
    run.save()
    demo.seed()
    demo.seed()
    assert CertificateTemplate.objects.filter(name=demo.TEMPLATE_NAME).count() == 1
    assert Certificate.objects.filter(enrollment=completed_enrollment).count() == 1
    run.refresh_from_db()
    assert run.certificate_template.name == demo.TEMPLATE_NAME

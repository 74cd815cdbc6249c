"""Certificates: templates, issued certificates, bulk issues.

`CertificateFactory` writes the row as issuance leaves it (serial, code, snapshot, stored PDF)
without the workflow: no audit event, no e-mail. Tests of issuing call
`certificates.services.issue_certificate`; this is for tests that need a certificate to exist.
Its PDF goes to the private storage: use the `private_storage` fixture."""

import hashlib

from django.core.files.base import ContentFile
from django.utils import timezone

import factory

from certificates import codes
from certificates.choices import BulkItemStatus, CertificateStatus
from certificates.models import BulkIssue, BulkIssueItem, Certificate, CertificateTemplate
from certificates.snapshot import build_snapshot

from .accounts import UserFactory
from .catalogue import CourseRunFactory
from .enrollment import EnrollmentFactory


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CertificateTemplate

    name = factory.Sequence(lambda n: f"Template {n}")
    printed_languages = "ar-en"
    body_ar = "أتمّ بنجاح الدورة التدريبية «{course}» في {venue} من {dates}، بواقع {hours} ساعة."
    body_en = "has completed the course “{course}” held at {venue} from {dates} ({hours} hours)."
    body_fr = "a suivi la formation « {course} » à {venue} du {dates} ({hours} heures)."


def _pdf_bytes(code: str) -> bytes:
    return b"%PDF-1.7\n% " + code.encode() + b"\n%%EOF\n"


class CertificateFactory(factory.django.DjangoModelFactory):
    """A valid certificate of a completed enrollment. `revoked=True`: revoked by staff with a
    reason; `superseded=True`: replaced (the replacement is not made)."""

    class Meta:
        model = Certificate

    class Params:
        revoked = factory.Trait(
            status=CertificateStatus.REVOKED,
            revoked_at=factory.LazyFunction(timezone.now),
            revoked_by=factory.SubFactory(UserFactory),
            revocation_reason="Issued in error.",
        )
        superseded = factory.Trait(status=CertificateStatus.SUPERSEDED)

    enrollment = factory.SubFactory(EnrollmentFactory, completed=True)
    template = factory.LazyAttribute(
        lambda o: o.enrollment.run.certificate_template or CertificateTemplateFactory()
    )
    serial = factory.Sequence(lambda n: f"RTC-{timezone.localdate().year}-{90000 + n:05d}")
    code = factory.LazyFunction(codes.new_code)
    holder_name_latin = factory.LazyAttribute(lambda o: o.enrollment.user.get_full_name())
    holder_name_arabic = ""
    snapshot = factory.LazyAttribute(
        lambda o: build_snapshot(
            template=o.template,
            holder_latin=o.holder_name_latin,
            holder_arabic=o.holder_name_arabic,
            run=o.enrollment.run,
        )
    )
    pdf = factory.LazyAttribute(lambda o: ContentFile(_pdf_bytes(o.code), name=f"{o.serial}.pdf"))
    pdf_sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(_pdf_bytes(o.code)).hexdigest())
    issued_at = factory.LazyFunction(timezone.now)


class BulkIssueFactory(factory.django.DjangoModelFactory):
    """A bulk issue for a run, with no items unless given (`BulkIssueItemFactory`)."""

    class Meta:
        model = BulkIssue

    run = factory.SubFactory(CourseRunFactory, certifiable=True)
    started_by = factory.SubFactory(UserFactory)


class BulkIssueItemFactory(factory.django.DjangoModelFactory):
    """One enrollment of a bulk issue, pending. `issued=True`: with its certificate;
    `failed=True`: with an error after three attempts."""

    class Meta:
        model = BulkIssueItem

    class Params:
        issued = factory.Trait(
            status=BulkItemStatus.ISSUED,
            attempts=1,
            certificate=factory.SubFactory(
                CertificateFactory, enrollment=factory.SelfAttribute("..enrollment")
            ),
        )
        failed = factory.Trait(status=BulkItemStatus.FAILED, attempts=3, error="PDF failed")

    bulk = factory.SubFactory(BulkIssueFactory)
    enrollment = factory.SubFactory(
        EnrollmentFactory, completed=True, run=factory.SelfAttribute("..bulk.run")
    )

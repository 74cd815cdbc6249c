import datetime as dt
import re

from django.core import mail
from django.db import IntegrityError
from django.utils import timezone

import pytest

from certificates import services, tasks
from certificates.choices import BulkItemStatus, CertificateAction, CertificateStatus
from certificates.exceptions import (
    CertificateDeletionRefused,
    CertificateError,
    NotCompleted,
    NotCurrent,
    NoTemplate,
)
from certificates.models import (
    BulkIssue,
    Certificate,
    CertificateEvent,
)
from certificates.pdf import render_certificate_pdf
from courses.choices import EnrollmentStatus
from courses.models import Enrollment
from courses.services.completion import override_completion
from courses.signals import enrollment_completed
from tests import factories

pytestmark = pytest.mark.usefixtures("fake_certificate_pdf")


def test_issue_freezes_names_course_dates_hours_and_template_version(completed_enrollment):
    profile = completed_enrollment.user.trainee_profile
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)

    assert certificate.status == CertificateStatus.VALID
    assert re.fullmatch(r"RTC-\d{4}-\d{5}", certificate.serial)
    assert certificate.holder_name_latin == profile.name_latin
    assert certificate.holder_name_arabic == profile.name_arabic
    snapshot = certificate.snapshot
    run = completed_enrollment.run
    assert snapshot["course"]["en"] == run.course.title
    assert snapshot["start_date"] == run.start_date.isoformat()
    assert snapshot["hours"] == run.course.hours
    assert snapshot["template_version"] == run.certificate_template.version
    assert run.course.title in snapshot["body"]["en"]
    assert len(certificate.pdf_sha256) == 64
    assert certificate.pdf.read().startswith(b"%PDF")
    assert CertificateEvent.objects.filter(
        certificate=certificate, action=CertificateAction.ISSUED
    ).exists()


def test_snapshot_is_unchanged_after_the_course_and_name_change(completed_enrollment):
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)
    course = completed_enrollment.run.course
    old_title = course.title
    course.title = "A completely different title"
    course.save()
    profile = completed_enrollment.user.trainee_profile
    profile.name_latin = "Someone Else"
    profile.save()

    certificate.refresh_from_db()
    assert certificate.snapshot["course"]["en"] == old_title
    assert certificate.holder_name_latin != "Someone Else"


def test_issue_is_idempotent(completed_enrollment):
    first = services.issue_certificate(enrollment=completed_enrollment, by=None)
    second = services.issue_certificate(enrollment=completed_enrollment, by=None)
    assert first.pk == second.pk
    assert Certificate.objects.count() == 1


@pytest.mark.parametrize(
    "status",
    [EnrollmentStatus.ENROLLED, EnrollmentStatus.NOT_COMPLETED, EnrollmentStatus.WITHDRAWN],
)
def test_only_completed_enrollments_get_a_certificate(completed_enrollment, status):
    completed_enrollment.status = status
    completed_enrollment.save()
    with pytest.raises(NotCompleted):
        services.issue_certificate(enrollment=completed_enrollment, by=None)
    assert not Certificate.objects.exists()


def test_a_run_without_template_refuses(completed_enrollment):
    run = completed_enrollment.run
    run.certificate_template = None
    run.save()
    with pytest.raises(NoTemplate):
        services.issue_certificate(enrollment=completed_enrollment, by=None)


def test_serials_increase_and_codes_differ(course, private_storage):
    template = factories.CertificateTemplateFactory()
    run = factories.CourseRunFactory(course=course, certificate_template=template)
    enrollments = factories.EnrollmentFactory.create_batch(
        3, run=run, status=EnrollmentStatus.COMPLETED
    )
    certificates = [services.issue_certificate(enrollment=e, by=None) for e in enrollments]
    numbers = [int(c.serial.rsplit("-", 1)[1]) for c in certificates]
    assert numbers == sorted(numbers) and len(set(numbers)) == 3
    assert len({c.code for c in certificates}) == 3


def test_the_database_allows_one_current_certificate_per_enrollment(completed_enrollment):
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)
    duplicate = Certificate(
        enrollment=completed_enrollment,
        template=certificate.template,
        serial="RTC-2099-99999",
        code="0000-0000-0000-0000",
        holder_name_latin="x",
        issued_at=certificate.issued_at,
        pdf_sha256="0" * 64,
    )
    with pytest.raises(IntegrityError):
        duplicate.save()


def test_certificates_are_never_deleted(completed_enrollment):
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)
    with pytest.raises(CertificateDeletionRefused):
        certificate.delete()
    with pytest.raises(CertificateDeletionRefused):
        Certificate.objects.all().delete()
    assert Certificate.objects.count() == 1


def test_revoke_records_date_reason_and_who(completed_enrollment, staff_user):
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=staff_user)
    services.revoke(certificate=certificate, by=staff_user, reason="Obtained by fraud")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    assert certificate.revoked_at is not None
    assert certificate.revocation_reason == "Obtained by fraud"
    event = certificate.events.get(action=CertificateAction.REVOKED)
    assert event.by == staff_user and event.reason == "Obtained by fraud"
    with pytest.raises(NotCurrent):
        services.revoke(certificate=certificate, by=staff_user, reason="again")


def test_revoke_needs_a_reason(completed_enrollment, staff_user):
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=staff_user)
    with pytest.raises(CertificateError):
        services.revoke(certificate=certificate, by=staff_user, reason="   ")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.VALID


def test_reissue_supersedes_with_the_corrected_name(completed_enrollment, staff_user):
    old = services.issue_certificate(enrollment=completed_enrollment, by=staff_user)
    profile = completed_enrollment.user.trainee_profile
    profile.name_latin = "Omar Farouk Corrected"
    profile.save()

    new = services.reissue(certificate=old, by=staff_user, reason="Name misspelt")

    old.refresh_from_db()
    assert old.status == CertificateStatus.SUPERSEDED
    assert new.supersedes == old and old.superseded_by == new
    assert new.holder_name_latin == "Omar Farouk Corrected"
    assert old.current() == new
    third = services.reissue(certificate=new, by=staff_user, reason="Arabic name")
    assert old.current() == third
    assert Certificate.objects.filter(status=CertificateStatus.VALID).get() == third


def test_the_holder_is_emailed_in_their_language(
    completed_enrollment, django_capture_on_commit_callbacks
):
    profile = completed_enrollment.user.trainee_profile
    profile.preferred_language = "fr"
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [completed_enrollment.user.email]
    assert certificate.serial in message.subject
    assert certificate.verification_url() in message.body
    assert f"/fr/certificates/{certificate.public_id}/download/" in message.body
    assert "Votre certificat" in message.subject
    html = message.alternatives[0][0]
    assert 'lang="fr"' in html and certificate.code in html


def test_automatic_issue_on_completion_only_when_the_run_asks(
    completed_enrollment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_completed.send(sender=Enrollment, enrollment=completed_enrollment, by=None)
    assert not Certificate.objects.exists()

    run = completed_enrollment.run
    run.auto_issue_certificates = True
    run.save()
    with django_capture_on_commit_callbacks(execute=True):
        enrollment_completed.send(sender=Enrollment, enrollment=completed_enrollment, by=None)
    assert Certificate.objects.filter(enrollment=completed_enrollment).count() == 1


def test_staff_completing_an_enrollment_issues_its_certificate_after_the_commit(
    course, private_storage, staff_user, django_capture_on_commit_callbacks
):
    """courses sends enrollment_completed; certificates' receiver queues the issue on commit."""
    run = factories.CourseRunFactory(
        course=course,
        certificate_template=factories.CertificateTemplateFactory(),
        auto_issue_certificates=True,
        start_date=timezone.localdate() - dt.timedelta(days=3),
        end_date=timezone.localdate() - dt.timedelta(days=1),
    )
    enrollment = factories.EnrollmentFactory(run=run, status=EnrollmentStatus.ENROLLED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        override_completion(enrollment=enrollment, by=staff_user, complete=True, reason="Met")
        assert not Certificate.objects.exists()  # nothing before the commit
    for callback in callbacks:
        callback()
    certificate = Certificate.objects.get(enrollment=enrollment)
    assert certificate.status == CertificateStatus.VALID


# --- bulk issue -------------------------------------------------------------------------------


@pytest.fixture
def run_with_completions(course, private_storage):
    run = factories.CourseRunFactory(
        course=course, certificate_template=factories.CertificateTemplateFactory()
    )
    factories.EnrollmentFactory.create_batch(4, run=run, status=EnrollmentStatus.COMPLETED)
    factories.EnrollmentFactory(run=run, status=EnrollmentStatus.NOT_COMPLETED)
    return run


def test_bulk_issue_is_idempotent(
    run_with_completions, staff_user, django_capture_on_commit_callbacks
):
    run = run_with_completions
    with django_capture_on_commit_callbacks(execute=True):
        bulk = tasks.start_bulk_issue(run=run, by=staff_user)
    counts = bulk.counts()
    assert counts["issued"] == 4 and counts["failed"] == 0 and counts["percent"] == 100
    with django_capture_on_commit_callbacks(execute=True):
        again = tasks.start_bulk_issue(run=run, by=staff_user)
    assert again.counts()["total"] == 0 and again.skipped == 4
    assert Certificate.objects.for_run(run).count() == 4
    assert BulkIssue.objects.filter(run=run).count() == 2


def test_a_failing_render_is_recorded_and_retried(
    run_with_completions, staff_user, django_capture_on_commit_callbacks, monkeypatch
):
    real = render_certificate_pdf
    calls = {"n": 0}

    def flaky(certificate, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise RuntimeError("renderer crashed")
        return real(certificate, **kwargs)

    monkeypatch.setattr("certificates.services.issuance.render_certificate_pdf", flaky)
    with django_capture_on_commit_callbacks(execute=True):
        bulk = tasks.start_bulk_issue(run=run_with_completions, by=staff_user)
    counts = bulk.counts()
    assert counts["issued"] == 3 and counts["failed"] == 1
    failed = bulk.items.get(status=BulkItemStatus.FAILED)
    assert "renderer crashed" in failed.error
    assert not Certificate.objects.filter(enrollment=failed.enrollment).exists()

    with django_capture_on_commit_callbacks(execute=True):
        retry = tasks.start_bulk_issue(run=run_with_completions, by=staff_user)
    assert retry.counts()["issued"] == 1 and retry.skipped == 3
    assert Certificate.objects.for_run(run_with_completions).current().count() == 4


def test_bulk_issue_needs_a_template(run_with_completions, staff_user):
    run_with_completions.certificate_template = None
    run_with_completions.save()
    with pytest.raises(NoTemplate):
        tasks.start_bulk_issue(run=run_with_completions, by=staff_user)


@pytest.mark.django_db(transaction=True)
def test_the_pdf_is_rendered_holding_no_lock(completed_enrollment, monkeypatch):
    """Workers issuing in parallel must not queue behind each other's rendering."""
    from django.db import connection

    real = render_certificate_pdf
    in_transaction = []

    def spy(certificate, **kwargs):
        in_transaction.append(connection.in_atomic_block)
        return real(certificate, **kwargs)

    monkeypatch.setattr("certificates.services.issuance.render_certificate_pdf", spy)
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)
    assert in_transaction == [False]
    assert certificate.status == CertificateStatus.VALID


def test_issued_by_another_worker_while_rendering_gives_that_certificate(
    completed_enrollment, private_storage, monkeypatch
):
    real = render_certificate_pdf

    def racing(certificate, **kwargs):
        monkeypatch.setattr("certificates.services.issuance.render_certificate_pdf", real)
        # Another worker issues the same certificate while this one renders.
        racing.winner = services.issue_certificate(enrollment=completed_enrollment, by=None)
        return real(certificate, **kwargs)

    monkeypatch.setattr("certificates.services.issuance.render_certificate_pdf", racing)
    certificate = services.issue_certificate(enrollment=completed_enrollment, by=None)
    assert certificate == racing.winner
    assert Certificate.objects.filter(enrollment=completed_enrollment).count() == 1
    # The losing rendering's file is not left behind.
    assert [p.name for p in private_storage.rglob("*.pdf")] == [certificate.pdf.name.split("/")[-1]]

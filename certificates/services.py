"""Certificate workflows: issue, revoke, re-issue, bulk issue, automatic issue on completion."""

import hashlib
import logging
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from courses.choices import EnrollmentStatus
from courses.models import Enrollment
from training_site.core.email import language_for, send_templated_email
from training_site.core.text import without_hidden_characters

from . import codes
from .choices import BulkItemStatus, CertificateAction, CertificateStatus
from .exceptions import CertificateError, NotCompleted, NotCurrent, NoTemplate
from .models import BulkIssue, BulkIssueItem, Certificate, CertificateEvent, SerialCounter
from .pdf import render_certificate_pdf
from .snapshot import build_snapshot

logger = logging.getLogger(__name__)


def allocate_serial(*, year: int) -> str:
    """The next serial of the year, e.g. RTC-2026-00042; atomic under concurrent issues."""
    prefix = getattr(settings, "CERTIFICATE_SERIAL_PREFIX", "RTC")
    if not SerialCounter.objects.filter(year=year).exists():
        try:
            with transaction.atomic():
                SerialCounter.objects.create(year=year)
        except IntegrityError:  # another process created it first
            pass
    # UPDATE ... SET last = last + 1 takes the row lock (PostgreSQL) or the write lock (SQLite),
    # held until the number is read back: no two callers read the same number.
    with transaction.atomic():
        SerialCounter.objects.filter(year=year).update(last=F("last") + 1)
        last = SerialCounter.objects.get(year=year).last
    return f"{prefix}-{year}-{last:05d}"


def _unique_code() -> str:
    while True:
        code = codes.new_code()
        if not Certificate.objects.filter(code=code).exists():
            return code


def _holder_names(user) -> tuple[str, str]:
    """The names to print. Hidden characters (a name typed before names refused them) are left
    out, so that no certificate prints a name reversed by a bidi override."""
    profile = getattr(user, "trainee_profile", None)
    latin = getattr(profile, "name_latin", "") or user.get_full_name() or user.username
    arabic = getattr(profile, "name_arabic", "") or ""
    return without_hidden_characters(latin).strip(), without_hidden_characters(arabic).strip()


def _log(certificate, action, by, reason=""):
    CertificateEvent.objects.create(certificate=certificate, action=action, by=by, reason=reason)


def _notify_holder(certificate: Certificate) -> None:
    user = certificate.enrollment.user
    if not user.email:
        return
    language = language_for(user)
    with translation.override(language):
        download_path = certificate.download_path()
    send_templated_email(
        to=user.email,
        template="certificate_ready",
        context={
            "name": certificate.holder_name_latin,
            "course": certificate.snapshot["course"].get(language, ""),
            "serial": certificate.serial,
            "code": certificate.code,
            "verification_url": certificate.verification_url(),
            "download_url": f"{settings.SITE_URL}{download_path}",
        },
        language=language,
    )


def _render(*, enrollment, template, by, supersedes=None) -> Certificate:
    """A new certificate with its serial, code, snapshot and stored PDF; not saved yet.

    Issuing outside a transaction, the serial number comes from its own short transaction and
    the PDF is rendered holding no lock, so that workers issuing in parallel do not wait for each
    other's rendering (a number is skipped if the certificate is then not saved).
    """
    latin, arabic = _holder_names(enrollment.user)
    now = timezone.now()
    certificate = Certificate(
        enrollment=enrollment,
        template=template,
        serial=allocate_serial(year=timezone.localdate(now).year),
        code=_unique_code(),
        holder_name_latin=latin,
        holder_name_arabic=arabic,
        snapshot=build_snapshot(
            template=template, holder_latin=latin, holder_arabic=arabic, run=enrollment.run
        ),
        issued_at=now,
        issued_by=by,
        supersedes=supersedes,
    )
    pdf = render_certificate_pdf(certificate)
    certificate.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    certificate.pdf.save(f"{certificate.public_id}.pdf", ContentFile(pdf), save=False)
    return certificate


def _record(certificate: Certificate, by) -> Certificate:
    """Save a rendered certificate and log it; its file is removed if the save fails."""
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:
        certificate.pdf.storage.delete(certificate.pdf.name)
        raise
    _log(certificate, CertificateAction.ISSUED, by)
    transaction.on_commit(partial(_notify_holder, certificate))
    return certificate


def _locked_enrollment(enrollment) -> Enrollment:
    return (
        Enrollment.objects.select_for_update(of=("self",))
        .select_related("user", "run__course", "run__certificate_template")
        .get(pk=enrollment.pk)
    )


def _current(enrollment) -> Certificate | None:
    return enrollment.certificates.filter(status=CertificateStatus.VALID).first()


def _issuable(enrollment):
    """(locked enrollment, its current certificate or None, template); raise if not issuable."""
    enrollment = _locked_enrollment(enrollment)
    current = _current(enrollment)
    if current is not None:
        return enrollment, current, None
    if enrollment.status != EnrollmentStatus.COMPLETED:
        raise NotCompleted()
    template = enrollment.run.certificate_template
    if template is None:
        raise NoTemplate()
    return enrollment, None, template


def issue_certificate(*, enrollment, by=None) -> Certificate:
    """Issue the certificate of a completed enrollment; return the current one if it exists.

    Checked, rendered, then checked again and saved: the rendering (the slow part) holds no
    lock. If another worker issued the same certificate meanwhile, its certificate is returned
    and this rendering is discarded.
    """
    with transaction.atomic():
        enrollment, current, template = _issuable(enrollment)
    if current is not None:
        return current
    certificate = _render(enrollment=enrollment, template=template, by=by)
    with transaction.atomic():
        try:
            enrollment, current, template = _issuable(enrollment)
        except CertificateError:
            certificate.pdf.storage.delete(certificate.pdf.name)
            raise
        if current is None:
            try:
                return _record(certificate, by)
            except IntegrityError:
                # Another worker issued it between our check and our insert: the constraint decided.
                current = _current(enrollment)
                if current is None:
                    raise
        else:
            certificate.pdf.storage.delete(certificate.pdf.name)
        return current


def _locked_certificate(certificate) -> Certificate:
    return Certificate.objects.select_for_update().get(pk=certificate.pk)


def revoke(*, certificate, by, reason: str) -> Certificate:
    """Withdraw a valid certificate, with a reason; the verification page says so at once."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_reason_required())
    with transaction.atomic():
        certificate = _locked_certificate(certificate)
        if certificate.status != CertificateStatus.VALID:
            raise NotCurrent()
        certificate.status = CertificateStatus.REVOKED
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = by
        certificate.revocation_reason = reason
        certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
        _log(certificate, CertificateAction.REVOKED, by, reason)
        return certificate


def reissue(*, certificate, by, reason: str) -> Certificate:
    """Issue a corrected certificate (current names and template) that supersedes this one."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_reason_required())
    with transaction.atomic():
        old = _locked_certificate(certificate)
        if old.status != CertificateStatus.VALID:
            raise NotCurrent()
        enrollment = _locked_enrollment(old.enrollment)
        old.status = CertificateStatus.SUPERSEDED
        old.save(update_fields=["status"])
        _log(old, CertificateAction.REISSUED, by, reason)
        template = enrollment.run.certificate_template or old.template
        certificate = _render(enrollment=enrollment, template=template, by=by, supersedes=old)
        return _record(certificate, by)


def _reason_required():
    return _("Please give a reason.")


# --- bulk issue ---------------------------------------------------------------------------------


def start_bulk_issue(*, run, by) -> BulkIssue:
    """Queue one task per completed enrollment of the run without a certificate yet.

    Safe to run again: enrollments that have a certificate (valid, revoked or superseded) are
    skipped, and those that failed last time have none, so they are tried again. If the run's
    last bulk issue still has items waiting (a worker was stopped in the middle of one: its task
    stays "running" for ever), running again resumes that bulk issue: its waiting items are
    queued again (issuing is idempotent, so an item queued twice still gives one certificate).
    """
    from .tasks import issue_bulk_item

    if run.certificate_template_id is None:
        raise NoTemplate()
    with transaction.atomic():
        completed = list(
            Enrollment.objects.filter(run=run, status=EnrollmentStatus.COMPLETED).values_list(
                "pk", flat=True
            )
        )
        have = set(
            Certificate.objects.filter(enrollment__run=run).values_list("enrollment_id", flat=True)
        )
        bulk = run.bulk_issues.select_for_update().first()
        if bulk is None or bulk.is_finished:
            todo = [pk for pk in completed if pk not in have]
            bulk = BulkIssue.objects.create(
                run=run, started_by=by, skipped=len(completed) - len(todo)
            )
        else:  # resume: add only enrollments completed since it started
            listed = set(bulk.items.values_list("enrollment_id", flat=True))
            todo = [pk for pk in completed if pk not in have and pk not in listed]
        BulkIssueItem.objects.bulk_create(
            [BulkIssueItem(bulk=bulk, enrollment_id=pk) for pk in todo]
        )
        waiting = bulk.items.filter(status=BulkItemStatus.PENDING).values_list("pk", flat=True)
        for item_id in waiting:
            transaction.on_commit(partial(issue_bulk_item.enqueue, item_id=item_id), robust=True)
    return bulk


def process_bulk_item(*, item_id: int) -> BulkIssueItem:
    """Issue one item's certificate; record success or the failure, never raise."""
    item = BulkIssueItem.objects.select_related("bulk", "enrollment").get(pk=item_id)
    if item.status == BulkItemStatus.ISSUED:
        return item
    item.attempts += 1
    try:
        certificate = issue_certificate(enrollment=item.enrollment, by=item.bulk.started_by)
    except Exception as exc:  # a failed render must not stop the others; re-run retries it
        logger.exception("Bulk certificate issue failed for enrollment %s", item.enrollment_id)
        item.status = BulkItemStatus.FAILED
        item.error = str(exc)[:1000]
    else:
        item.status = BulkItemStatus.ISSUED
        item.certificate = certificate
        item.error = ""
    item.save(update_fields=["status", "attempts", "error", "certificate"])
    return item


# --- automatic issue ------------------------------------------------------------------------------


def on_enrollment_completed(enrollment) -> None:
    """Called by the completion service: issue in the background if the run asks for it."""
    from .tasks import issue_for_enrollment

    run = enrollment.run
    if run.auto_issue_certificates and run.certificate_template_id:
        transaction.on_commit(
            partial(issue_for_enrollment.enqueue, enrollment_id=enrollment.pk), robust=True
        )


def certificates_for(user):
    """A user's certificates, newest first, for their dashboard."""
    return (
        Certificate.objects.filter(enrollment__user=user)
        .exclude(status=CertificateStatus.REVOKED)
        .select_related("enrollment__run")
        .order_by("-issued_at")
    )

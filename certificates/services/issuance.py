"""Issuing a certificate, and re-issuing one that supersedes it (a name correction)."""

import hashlib
from functools import partial

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation

from courses.choices import EnrollmentStatus
from courses.models import Enrollment
from training_site.core.email import language_for, send_templated_email
from training_site.core.text import without_hidden_characters

from .. import codes
from ..choices import CertificateAction, CertificateStatus
from ..exceptions import CertificateError, NotCompleted, NotCurrent, NoTemplate, ReasonRequired
from ..models import Certificate, CertificateEvent, SerialCounter
from ..pdf import render_certificate_pdf
from ..snapshot import build_snapshot


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
    CertificateEvent.objects.create(certificate=certificate, action=CertificateAction.ISSUED, by=by)
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


def reissue(*, certificate, by, reason: str) -> Certificate:
    """Issue a corrected certificate (current names and template) that supersedes this one."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.status != CertificateStatus.VALID:
            raise NotCurrent()
        enrollment = _locked_enrollment(old.enrollment)
        old.status = CertificateStatus.SUPERSEDED
        old.save(update_fields=["status"])
        CertificateEvent.objects.create(
            certificate=old, action=CertificateAction.REISSUED, by=by, reason=reason
        )
        template = enrollment.run.certificate_template or old.template
        new = _render(enrollment=enrollment, template=template, by=by, supersedes=old)
        return _record(new, by)

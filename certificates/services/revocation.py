"""Revoking a certificate: withdrawn with a reason, never deleted; the verification page says so."""

from django.db import transaction
from django.utils import timezone

from ..choices import CertificateAction, CertificateStatus
from ..exceptions import NotCurrent, ReasonRequired
from ..models import Certificate, CertificateEvent


def revoke(*, certificate, by, reason: str) -> Certificate:
    """Withdraw a valid certificate, with a reason; the verification page says so at once."""
    reason = (reason or "").strip()
    if not reason:
        raise ReasonRequired()
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.status != CertificateStatus.VALID:
            raise NotCurrent()
        certificate.status = CertificateStatus.REVOKED
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = by
        certificate.revocation_reason = reason
        certificate.save(update_fields=["status", "revoked_at", "revoked_by", "revocation_reason"])
        CertificateEvent.objects.create(
            certificate=certificate, action=CertificateAction.REVOKED, by=by, reason=reason
        )
        return certificate

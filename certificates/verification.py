"""Public facts about a certificate: what the verification page and JSON may show, and no more."""

import datetime as dt
import hashlib

from django.conf import settings

from .choices import CertificateStatus
from .models import Certificate

NOT_FOUND = "not_found"


def find_by_code(code: str | None) -> Certificate | None:
    """One query whatever the input, so right and wrong codes take the same path."""
    return Certificate.objects.select_related("superseded_by").filter(code=code or "-").first()


def find_by_file(upload) -> Certificate | None:
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    return (
        Certificate.objects.select_related("superseded_by")
        .filter(pdf_sha256=digest.hexdigest())
        .first()
    )


def public_facts(certificate: Certificate | None, language: str) -> dict:
    if certificate is None:
        return {"status": NOT_FOUND}
    snapshot = certificate.snapshot
    facts = {
        "status": certificate.status,
        "serial": certificate.serial,
        "code": certificate.code,
        "holder": {
            "latin": certificate.holder_name_latin,
            "arabic": certificate.holder_name_arabic,
        },
        "course": snapshot.get("course", {}).get(language, ""),
        "course_titles": {
            code: snapshot.get("course", {}).get(code, "") for code in snapshot.get("languages", [])
        },
        "start_date": snapshot.get("start_date"),
        "end_date": snapshot.get("end_date"),
        "hours": snapshot.get("hours"),
        "issuer": snapshot.get("issuer", {}).get(language, ""),
        "issued_at": certificate.issued_at.isoformat(),
        "revoked_at": None,
        "revocation_reason": None,
        "superseded_by": None,
    }
    if certificate.status == CertificateStatus.REVOKED:
        facts["revoked_at"] = certificate.revoked_at.isoformat()
        facts["revocation_reason"] = certificate.revocation_reason
    if certificate.status == CertificateStatus.SUPERSEDED:
        current = certificate.current()
        facts["superseded_by"] = {
            "serial": current.serial,
            "code": current.code,
            "url": f"{settings.SITE_URL}/verify/{current.code}/",
        }
    return facts


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None

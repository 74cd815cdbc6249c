from .bulk import BulkIssue, BulkIssueItem
from .certificates import (
    Certificate,
    CertificateDeletionRefused,
    CertificateEvent,
    SerialCounter,
)
from .templates import CertificatePartnerLogo, CertificateSignatory, CertificateTemplate

__all__ = [
    "BulkIssue",
    "BulkIssueItem",
    "Certificate",
    "CertificateDeletionRefused",
    "CertificateEvent",
    "CertificatePartnerLogo",
    "CertificateSignatory",
    "CertificateTemplate",
    "SerialCounter",
]

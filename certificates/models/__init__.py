from .bulk import BulkIssue, BulkIssueItem
from .certificates import Certificate, CertificateEvent, SerialCounter
from .templates import CertificatePartnerLogo, CertificateSignatory, CertificateTemplate

__all__ = [
    "BulkIssue",
    "BulkIssueItem",
    "Certificate",
    "CertificateEvent",
    "CertificatePartnerLogo",
    "CertificateSignatory",
    "CertificateTemplate",
    "SerialCounter",
]

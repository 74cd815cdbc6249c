"""Site pages and settings (site.py), documents (documents.py), and delegation study visits
(visits.py)."""

from .documents import CentreDocument
from .site import CentreSettings, HomePage, PartnerLogo, StandardPage
from .visits import (
    StudyVisitIndexPage,
    StudyVisitStoryPage,
    VisitItemKind,
    VisitProgrammePage,
    VisitReply,
    VisitReplyKind,
    VisitRequest,
    VisitRequestNote,
    VisitRequestStatus,
    VisitStatusChange,
)

__all__ = [
    "CentreDocument",
    "CentreSettings",
    "HomePage",
    "PartnerLogo",
    "StandardPage",
    "StudyVisitIndexPage",
    "StudyVisitStoryPage",
    "VisitItemKind",
    "VisitProgrammePage",
    "VisitReply",
    "VisitReplyKind",
    "VisitRequest",
    "VisitRequestNote",
    "VisitRequestStatus",
    "VisitStatusChange",
]

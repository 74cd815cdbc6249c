"""Site pages and settings (site.py), and delegation study visits (visits.py)."""

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

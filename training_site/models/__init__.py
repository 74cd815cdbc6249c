"""Site pages and settings (site.py), documents (documents.py), roles (roles.py), and delegation
study visits (visits.py)."""

from .documents import CentreDocument
from .roles import Role, RoleGrant
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
    "Role",
    "RoleGrant",
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

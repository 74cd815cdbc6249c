"""Site pages and settings (site.py), delegation study visits (visits.py), roles (roles.py)."""

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

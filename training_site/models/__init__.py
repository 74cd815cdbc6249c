"""Site pages and settings (site.py), documents (documents.py), roles (roles.py). The study-visit
models live in training_site.visits.models; they are re-exported here so that Django finds them
under the app label `training_site`, as the migrations expect."""

from training_site.models.documents import CentreDocument
from training_site.models.roles import Role, RoleGrant
from training_site.models.site import CentreSettings, HomePage, PartnerLogo, StandardPage
from training_site.visits.models import (
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

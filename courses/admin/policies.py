"""Who may do what in the admin with the models that change through services."""

from training_site.admin.policies import ThroughServicesPolicy
from training_site.models.roles import RoleGrant

from ..models import AccountDeletionRequest, Enrollment, InstructorAssignment

# Listing needs `courses.view_enrollment`; decisions are the bulk actions (services).
enrollment_policy = ThroughServicesPolicy(Enrollment)
# Trainees create requests from their profile; staff only record when they handled one.
deletion_request_policy = ThroughServicesPolicy(AccountDeletionRequest, refused=("add", "delete"))
# A role or an assignment is granted (add) or withdrawn (delete), never edited in place.
role_grant_policy = ThroughServicesPolicy(RoleGrant, refused=("change",))
assignment_policy = ThroughServicesPolicy(InstructorAssignment, refused=("change",))

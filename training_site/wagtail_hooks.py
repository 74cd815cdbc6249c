"""Registration only: the study-visit requests viewset and its permission policy
(training_site/visits/admin/), the audit log's words for role grants
(training_site/admin/log_formatters.py), the role bulk action (training_site/admin/users.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from training_site.admin.log_formatters import GrantRoleFormatter, RevokeRoleFormatter
from training_site.admin.users import PlatformAssignRoleBulkAction
from training_site.services.roles import GRANT_ACTION, REVOKE_ACTION
from training_site.visits.admin.policies import visit_request_policy
from training_site.visits.admin.viewsets import visit_request_viewset
from training_site.visits.models import VisitRequest

register_permission_policy(VisitRequest, visit_request_policy, exact_class=True)


@hooks.register("register_admin_viewset")
def register_visit_request_viewset():
    return visit_request_viewset


@hooks.register("register_log_actions")
def register_role_log_actions(actions):
    actions.register_action(GRANT_ACTION)(GrantRoleFormatter)
    actions.register_action(REVOKE_ACTION)(RevokeRoleFormatter)


# Registered after Wagtail's own "Assign role" (same action type): it replaces it.
hooks.register("register_bulk_action", PlatformAssignRoleBulkAction, order=100)

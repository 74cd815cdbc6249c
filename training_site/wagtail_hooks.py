"""Admin registrations of training_site: the study-visit requests viewset and its permission
policy, the audit log's words for role grants, the role bulk action."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy

from training_site.admin.users import PlatformAssignRoleBulkAction
from training_site.models.roles import Role
from training_site.services.roles import GRANT_ACTION, REVOKE_ACTION
from training_site.visits.admin.policies import visit_request_policy
from training_site.visits.admin.viewsets import visit_request_viewset
from training_site.visits.models import VisitRequest

register_permission_policy(VisitRequest, visit_request_policy, exact_class=True)


@hooks.register("register_admin_viewset")
def register_visit_request_viewset():
    return visit_request_viewset


# --- the audit log's words for role grants (training_site.services.roles) -------------------------


def _grant_words(log_entry) -> dict:
    data = log_entry.data or {}
    role = data.get("role", "")
    return {
        "role": Role(role).label if role in Role.values else role,
        "person": (data.get("person") or {}).get("label", ""),
    }


class GrantRoleFormatter(LogFormatter):
    label = _("Grant role")

    def format_message(self, log_entry):
        return _("Role granted: %(role)s, to %(person)s") % _grant_words(log_entry)


class RevokeRoleFormatter(LogFormatter):
    label = _("Withdraw role")

    def format_message(self, log_entry):
        return _("Role withdrawn: %(role)s, from %(person)s") % _grant_words(log_entry)


@hooks.register("register_log_actions")
def register_role_log_actions(actions):
    actions.register_action(GRANT_ACTION)(GrantRoleFormatter)
    actions.register_action(REVOKE_ACTION)(RevokeRoleFormatter)


# Registered after Wagtail's own "Assign role" (same action type): it replaces it.
hooks.register("register_bulk_action", PlatformAssignRoleBulkAction, order=100)

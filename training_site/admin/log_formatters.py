"""The audit log's words for role grants (training_site.services.roles)."""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter

from training_site.models.roles import Role


def person_label(log_entry, key: str = "person") -> str:
    """The label of the person an entry names under `key` (as the role services record it)."""
    return ((log_entry.data or {}).get(key) or {}).get("label", "")


def _grant_words(log_entry) -> dict:
    role = (log_entry.data or {}).get("role", "")
    return {
        "role": Role(role).label if role in Role.values else role,
        "person": person_label(log_entry),
    }


class GrantRoleFormatter(LogFormatter):
    label = _("Grant role")

    def format_message(self, log_entry):
        return _("Role granted: %(role)s, to %(person)s") % _grant_words(log_entry)


class RevokeRoleFormatter(LogFormatter):
    label = _("Withdraw role")

    def format_message(self, log_entry):
        return _("Role withdrawn: %(role)s, from %(person)s") % _grant_words(log_entry)

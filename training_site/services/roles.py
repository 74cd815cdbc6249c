"""Granting and withdrawing roles: staff only, each change recorded in Wagtail's audit log.

A role is a Django group (training_site.core.roles) held through a RoleGrant row that says who
granted it and when. Nothing else in the project adds people to a role's group: the test
tests/training_site/core/test_role_grants.py fails if some other module starts doing it.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from training_site.core.roles import ensure_groups, has_staff_role
from training_site.models.roles import Role, RoleGrant, person_label

ROLE_GROUP_KEYS = {Role.STAFF: "staff", Role.INSTRUCTOR: "instructors"}

GRANT_ACTION = "training_site.grant_role"
REVOKE_ACTION = "training_site.revoke_role"


class RoleError(Exception):
    """A rule about roles refused the change; `message` says why, in the user's language."""

    default_message = _("This change of role is not allowed.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class NotStaff(RoleError):
    default_message = _("Only centre staff can grant or withdraw roles.")


def require_staff(by, error: type[Exception] = NotStaff) -> None:
    """Refuse a staff act by anyone but staff, with `error`. `by=None` is the platform itself
    (demo data, migrations, management commands); every view passes the signed-in user."""
    if by is not None and not has_staff_role(by):
        raise error()


def grant_data(user, role: str) -> dict:
    """What the audit log keeps about a grant: whom (id and name), which role."""
    return {"role": str(role), "person": {"id": user.pk, "label": person_label(user)}}


def grant_role(*, user, role: Role, by) -> RoleGrant:
    """Give `user` the role (idempotent: an existing grant is returned unchanged, unlogged)."""
    require_staff(by)
    role = Role(role)
    with transaction.atomic():
        grant, created = RoleGrant.objects.get_or_create(
            user=user, role=role, defaults={"granted_by": by}
        )
        user.groups.add(ensure_groups()[ROLE_GROUP_KEYS[role]])
        if created:
            log(instance=grant, action=GRANT_ACTION, user=by, data=grant_data(user, role))
    return grant


def revoke_role(*, user, role: Role, by) -> bool:
    """Take the role away; True when there was one to take. Callers that hang rights on the
    role (courses' instructor assignments) withdraw those first."""
    require_staff(by)
    role = Role(role)
    with transaction.atomic():
        grant = RoleGrant.objects.filter(user=user, role=role).first()
        user.groups.remove(ensure_groups()[ROLE_GROUP_KEYS[role]])
        if grant is None:
            return False
        log(instance=grant, action=REVOKE_ACTION, user=by, data=grant_data(user, role))
        grant.delete()
    return True


def holders(role: Role):
    """The accounts that hold `role` (a queryset of users)."""
    return get_user_model().objects.filter(role_grants__role=role)

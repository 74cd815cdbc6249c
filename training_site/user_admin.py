"""Wagtail's own user admin (superusers only) never hands out the platform's roles.

Its user forms and its "Assign role" bulk action would add anyone to any group, the role groups
included, with no record of who granted what. Here they offer only the other groups; the role
groups are granted under Roles (training_site.services.roles, courses.services) and memberships
an account already has in them are kept as they are when its form is saved.
"""

from django.contrib.auth.models import Group

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction, RoleForm
from wagtail.users.views.users import UserViewSet

from training_site.core.roles import role_groups


class RoleGroupsKeptMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("groups")
        if field is not None:
            field.queryset = field.queryset.exclude(pk__in=role_groups())
        held = self.instance.groups.filter(pk__in=role_groups()) if self.instance.pk else []
        self._role_groups_held = list(held)

    def _save_m2m(self):
        super()._save_m2m()
        if self._role_groups_held:
            self.instance.groups.add(*self._role_groups_held)


class PlatformUserCreationForm(RoleGroupsKeptMixin, UserCreationForm):
    pass


class PlatformUserEditForm(RoleGroupsKeptMixin, UserEditForm):
    pass


class PlatformUserViewSet(UserViewSet):
    def get_form_class(self, for_update=False):
        return PlatformUserEditForm if for_update else PlatformUserCreationForm


class PlatformRoleForm(RoleForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = Group.objects.exclude(pk__in=role_groups())


class PlatformAssignRoleBulkAction(AssignRoleBulkAction):
    """Replaces Wagtail's bulk action of the same type (registered after it)."""

    form_class = PlatformRoleForm

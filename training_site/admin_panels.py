"""Admin pieces only some users get: an inline panel behind a permission, page privacy for
staff only.

Wagtail can restrict a field to a permission (`FieldPanel(..., permission=...)`) but not an
inline panel. `PermissionInlinePanel` does the same for a child relation: for a user without
the permission the form carries no formset for it (posting its fields changes nothing) and
the panel is not drawn. The page type names `PermissionedPageForm` as its `base_form_class`.

`NameColumn` shows a listing's names inside `<bdi>`, like the `bdi` template filter.
"""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import InlinePanel, Panel
from wagtail.admin.ui.tables import Column
from wagtail.models import PagePermissionTester

from training_site.core.roles import has_staff_role
from training_site.core.text import isolate


def _allowed(user, permission: str) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if permission == "superuser":
        return user.is_superuser
    return user.has_perm(permission)


class PermissionInlinePanel(InlinePanel):
    def __init__(self, relation_name, *args, permission: str, **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.permission = permission

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "permission": self.permission}

    def get_form_options(self):
        options = super().get_form_options()
        options["formset_permissions"] = {self.relation_name: self.permission}
        return options

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            form = kwargs.get("form")
            self.withheld = form is not None and kwargs["panel"].relation_name not in form.formsets
            if self.withheld:
                Panel.BoundPanel.__init__(self, **kwargs)
                self.label = self.panel.label
                return
            super().__init__(**kwargs)

        def is_shown(self):
            return not self.withheld and super().is_shown()


class FormsetPermissionsMixin:
    """Drop the formsets of `PermissionInlinePanel`s the form's user may not change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        restricted = getattr(getattr(type(self), "Meta", None), "formset_permissions", {})
        for relation, permission in restricted.items():
            if not _allowed(self.for_user, permission):
                self.formsets.pop(relation, None)


class PermissionedPageForm(FormsetPermissionsMixin, WagtailAdminPageForm):
    pass


class StaffSetPrivacyTester(PagePermissionTester):
    """Who may read a page is the centre's decision: its privacy (login, password, groups) is
    set by staff only, even on pages others may publish (instructors' course pages). The
    privacy form lists every group of the site, and would let a publisher hide a page."""

    def can_set_view_restrictions(self):
        return has_staff_role(self.user) and super().can_set_view_restrictions()


class StaffSetsPrivacyMixin:
    """For page types that non-staff may publish."""

    def permissions_for_user(self, user):
        return StaffSetPrivacyTester(user, self)


class NameColumn(Column):
    """A listing column of people's names (or titles in several scripts), each in `<bdi>`."""

    def get_value(self, instance):
        return isolate(super().get_value(instance))

"""Staff's desk for roles: who is staff or an instructor, and who teaches which course.

Each grant, withdrawal, assignment and removal goes through a service that records it in
Wagtail's audit log (site history: who, when, whom, which course or role). There is no edit
form: a grant is made or withdrawn, never changed. Only staff hold these models' permissions.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from training_site.admin_panels import NameColumn
from training_site.models.roles import Role, RoleGrant, person_label
from training_site.services.roles import RoleError, grant_role, revoke_role

from ..exceptions import CourseError
from ..models import InstructorAssignment
from ..services import instructors as services
from ..services.nominations import APPOINT_FOCAL_POINT, REMOVE_FOCAL_POINT


class GrantOrWithdrawPolicy(ModelPermissionPolicy):
    """Add (grant, assign) and delete (withdraw, remove); never edit a grant in place."""

    def user_has_permission(self, user, action):
        return action != "change" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action != "change"]
        return bool(actions) and super().user_has_any_permission(user, actions)


class _ServiceErrorsAsFormErrors:
    """A refusal from a service is shown on the form, in the user's language; nothing saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (CourseError, RoleError) as error:
            form.add_error(None, error.message)
            self.produced_error_message = error.message
            return self.form_invalid(form)


class _PersonChoices(WagtailAdminModelForm):
    """Accounts listed by name and e-mail (never by username), sorted by name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        field.queryset = field.queryset.order_by("last_name", "first_name", "email")
        field.label_from_instance = person_label


# --- roles: staff and instructors -----------------------------------------------------------


class RoleGrantForm(_PersonChoices):
    class Meta:
        model = RoleGrant
        fields = ["user", "role"]


class RoleGrantCreateView(_ServiceErrorsAsFormErrors, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return grant_role(user=data["user"], role=data["role"], by=self.request.user)


class RoleGrantDeleteView(generic.DeleteView):
    def delete_action(self):
        grant, by = self.object, self.request.user
        if grant.role == Role.INSTRUCTOR:  # their course assignments end with the role
            services.revoke_instructor_role(user=grant.user, by=by)
        else:
            revoke_role(user=grant.user, role=grant.role, by=by)


class RoleGrantViewSet(ModelViewSet):
    model = RoleGrant
    icon = "key"
    menu_label = _("Staff and instructors")
    url_prefix = "roles"
    url_namespace = "role_grants"
    form_fields = ["user", "role"]
    copy_view_enabled = False
    inspect_view_enabled = True
    add_view_class = RoleGrantCreateView
    delete_view_class = RoleGrantDeleteView
    list_filter = ["role"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    list_display = [
        NameColumn("user", label=_("Account"), accessor=lambda grant: person_label(grant.user)),
        Column("role", label=_("Role"), accessor="get_role_display"),
        Column("granted_by", label=_("Granted by"), accessor="granted_by"),
        DateColumn("granted_at", label=_("Granted at")),
    ]

    def get_form_class(self, for_update=False):
        return RoleGrantForm

    def get_queryset(self, request):
        return RoleGrant.objects.select_related("user", "granted_by")


# --- instructor assignments -----------------------------------------------------------------


class InstructorAssignmentForm(_PersonChoices):
    """The account picker offers only holders of the instructor role (limit_choices_to)."""

    class Meta:
        model = InstructorAssignment
        fields = ["course", "user"]


class AssignmentCreateView(_ServiceErrorsAsFormErrors, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.assign_instructor(
            course=data["course"].specific, user=data["user"], by=self.request.user
        )


class AssignmentDeleteView(generic.DeleteView):
    def delete_action(self):
        assignment = self.object
        services.remove_instructor(
            course=assignment.course, user=assignment.user, by=self.request.user
        )


class InstructorAssignmentViewSet(ModelViewSet):
    model = InstructorAssignment
    icon = "user"
    menu_label = _("Instructor assignments")
    url_prefix = "instructor-assignments"
    url_namespace = "instructor_assignments"
    form_fields = ["course", "user"]
    copy_view_enabled = False
    inspect_view_enabled = True
    add_view_class = AssignmentCreateView
    delete_view_class = AssignmentDeleteView
    search_fields = ["course__title", "user__email", "user__first_name", "user__last_name"]
    list_display = [
        Column("course", label=_("Course"), accessor="course"),
        Column("user", label=_("Instructor"), accessor=lambda a: person_label(a.user)),
        Column("assigned_by", label=_("Assigned by"), accessor="assigned_by"),
        DateColumn("assigned_at", label=_("Assigned at")),
    ]

    def get_form_class(self, for_update=False):
        return InstructorAssignmentForm

    def get_queryset(self, request):
        return InstructorAssignment.objects.select_related("course", "user", "assigned_by")


class RolesGroup(ViewSetGroup):
    menu_label = _("Roles")
    menu_icon = "key"
    menu_order = 270
    items = (RoleGrantViewSet, InstructorAssignmentViewSet)


register_permission_policy(RoleGrant, GrantOrWithdrawPolicy(RoleGrant))
register_permission_policy(InstructorAssignment, GrantOrWithdrawPolicy(InstructorAssignment))


@hooks.register("register_admin_viewset")
def register_roles_viewsets():
    return RolesGroup()


# --- the audit log's words for these changes ------------------------------------------------


def _person(entry, key) -> str:
    return (entry.data.get(key) or {}).get("label", "")


class AssignInstructorFormatter(LogFormatter):
    label = _("Assign instructor")

    def format_message(self, log_entry):
        return _("Instructor assigned: %(person)s") % {"person": _person(log_entry, "instructor")}


class RemoveInstructorFormatter(LogFormatter):
    label = _("Remove instructor")

    def format_message(self, log_entry):
        return _("Instructor removed: %(person)s") % {"person": _person(log_entry, "instructor")}


class AppointFocalPointFormatter(LogFormatter):
    label = _("Appoint focal point")

    def format_message(self, log_entry):
        return _("Focal point appointed: %(person)s, for %(country)s") % {
            "person": _person(log_entry, "person"),
            "country": log_entry.data.get("country", ""),
        }


class RemoveFocalPointFormatter(LogFormatter):
    label = _("End focal point appointment")

    def format_message(self, log_entry):
        return _("Focal point appointment ended: %(person)s, for %(country)s") % {
            "person": _person(log_entry, "person"),
            "country": log_entry.data.get("country", ""),
        }


@hooks.register("register_log_actions")
def register_role_log_actions(actions):
    actions.register_action(services.ASSIGN_ACTION)(AssignInstructorFormatter)
    actions.register_action(services.REMOVE_ACTION)(RemoveInstructorFormatter)
    actions.register_action(APPOINT_FOCAL_POINT)(AppointFocalPointFormatter)
    actions.register_action(REMOVE_FOCAL_POINT)(RemoveFocalPointFormatter)


__all__ = ["InstructorAssignmentViewSet", "RoleGrantViewSet"]

"""The courses app's admin viewsets: catalogue, enrollments, deletion requests, roles,
nominations. Registered in courses/wagtail_hooks.py."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from training_site.admin.panels import NameColumn
from training_site.models.roles import RoleGrant, person_label

from ..models import (
    AccountDeletionRequest,
    CourseRun,
    Enrollment,
    FocalPoint,
    InstructorAssignment,
    Nomination,
    Topic,
)
from .exports import EXPORT_COLUMNS, trainee_country, trainee_name, trainee_organisation_type
from .filters import CourseRunFilterSet, EnrollmentFilterSet
from .forms import InstructorAssignmentForm, NominationEditForm, RoleGrantForm
from .views import (
    AssignmentCreateView,
    AssignmentDeleteView,
    EnrollmentIndexView,
    EnrollmentInspectView,
    FocalPointCreateView,
    FocalPointDeleteView,
    FocalPointEditView,
    InvitationCreateView,
    NominationEditView,
    RoleGrantCreateView,
    RoleGrantDeleteView,
    ViewPermissionRequired,
)


class TopicViewSet(SnippetViewSet):
    """Topics are translatable: wagtail-localize adds "Translate" to each topic's actions."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    search_backend_name = None


class CourseRunViewSet(SnippetViewSet):
    """Course runs with their sessions inline. Cancelling keeps the run listed, marked cancelled."""

    model = CourseRun
    icon = "date"
    menu_label = _("Course runs")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "start_date", "end_date", "language", "delivery_mode", "status"]
    list_export = ["course", "start_date", "end_date", "language", "delivery_mode", "status"]
    filterset_class = CourseRunFilterSet
    search_fields = ["course__title", "venue"]
    search_backend_name = None
    ordering = ["-start_date"]

    def get_queryset(self, request):
        return CourseRun.objects.select_related("course")


class EnrollmentChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (ViewPermissionRequired, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (ViewPermissionRequired, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (ViewPermissionRequired, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (ViewPermissionRequired, chooser.SnippetChosenMultipleView), {}
    )


class EnrollmentViewSet(SnippetViewSet):
    model = Enrollment
    chooser_viewset_class = EnrollmentChooserViewSet
    icon = "group"
    menu_label = _("Enrollments")
    menu_order = 210
    add_to_admin_menu = True
    inspect_view_enabled = True
    index_view_class = EnrollmentIndexView
    inspect_view_class = EnrollmentInspectView
    filterset_class = EnrollmentFilterSet
    search_fields = [
        "user__email",
        "user__first_name",
        "user__last_name",
        "user__trainee_profile__name_latin",
        "user__trainee_profile__name_arabic",
    ]
    list_per_page = 50
    list_export = list(EXPORT_COLUMNS)
    export_filename = "enrollments"
    inspect_view_fields = ["run", "status", "created_at", "waitlisted_at", "completed_at"]

    @property
    def list_display(self):
        return [
            NameColumn("name", label=_("Trainee"), accessor=trainee_name),
            Column("email", label=_("E-mail"), accessor=lambda e: e.user.email),
            Column("run", label=_("Course run")),
            Column("country", label=_("Country"), accessor=trainee_country),
            Column("organisation_type", label=_("Type"), accessor=trainee_organisation_type),
            Column("status", label=_("Status"), accessor="get_status_display"),
            DateColumn("created_at", label=_("Applied at")),
        ]

    def get_queryset(self, request):
        return Enrollment.objects.select_related("user__trainee_profile", "run__course").order_by(
            "-created_at", "-pk"
        )


class AccountDeletionRequestViewSet(ModelViewSet):
    model = AccountDeletionRequest
    icon = "warning"
    menu_label = _("Deletion requests")
    add_to_admin_menu = True
    menu_order = 215
    form_fields = ["handled_at"]
    list_display = ["email", "requested_at", "handled_at"]
    list_filter = {"handled_at": ["isnull"]}
    search_fields = ["email"]


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


class FocalPointViewSet(ModelViewSet):
    model = FocalPoint
    icon = "globe"
    menu_label = _("Focal points")
    url_prefix = "focal-points"
    url_namespace = "focal_points"
    form_fields = ["user", "country"]
    list_display = ["user", "country"]
    list_filter = ["country"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    add_view_class = FocalPointCreateView
    edit_view_class = FocalPointEditView
    delete_view_class = FocalPointDeleteView


class NominationViewSet(ModelViewSet):
    model = Nomination
    icon = "mail"
    menu_label = _("Nominations and invitations")
    url_prefix = "nominations"
    url_namespace = "nominations"
    add_to_admin_menu = False
    form_fields = ["run", "name", "email", "organisation", "job_title", "language"]
    list_display = ["name", "email", "run", "country", "status", "nominated_by", "invited_by"]
    list_filter = ["status", "country", "run"]
    search_fields = ["name", "email", "organisation"]
    inspect_view_enabled = True
    add_view_class = InvitationCreateView

    edit_view_class = NominationEditView

    def get_form_class(self, for_update=False):
        if for_update:
            return NominationEditForm
        return super().get_form_class(for_update)


class NominationsGroup(ViewSetGroup):
    menu_label = _("Nominations")
    menu_icon = "group"
    menu_order = 260
    items = (NominationViewSet, FocalPointViewSet)

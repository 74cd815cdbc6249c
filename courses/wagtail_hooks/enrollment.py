"""Staff's enrollment desk in the Wagtail admin: filter, search, decide in bulk, export, history.

Enrollments change only through the services (so every change is checked, recorded and
e-mailed): the admin has no create, edit or delete form for them. Listing needs the
`courses.view_enrollment` permission; deciding needs `courses.change_enrollment`.
"""

import datetime

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, InspectView, SnippetViewSet

import django_filters
from django_countries import countries

from training_site.admin_panels import NameColumn

from ..choices import EnrollmentStatus, OrganisationType
from ..exceptions import CourseError
from ..forms.enrollment_admin import DeclineForm
from ..models import AccountDeletionRequest, CourseRun, Enrollment
from ..services import enrollment as services

DECIDE_PERMISSION = "courses.change_enrollment"


class EnrollmentPermissionPolicy(ModelPermissionPolicy):
    """View with `view_enrollment`; no generic add/edit/delete: changes go through services."""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


def _profile(enrollment):
    return getattr(enrollment.user, "trainee_profile", None)


def trainee_name(enrollment) -> str:
    profile = _profile(enrollment)
    return profile.name_latin if profile else enrollment.user.get_full_name()


def trainee_country(enrollment) -> str:
    profile = _profile(enrollment)
    return str(profile.country.name) if profile and profile.country else ""


def trainee_organisation(enrollment) -> str:
    profile = _profile(enrollment)
    return profile.organisation if profile else ""


def trainee_organisation_type(enrollment) -> str:
    profile = _profile(enrollment)
    return str(profile.get_organisation_type_display()) if profile else ""


EXPORT_COLUMNS = {
    "name_latin": (_("Name (Latin script)"), trainee_name),
    "name_arabic": (
        _("Name (Arabic script)"),
        lambda e: _profile(e).name_arabic if _profile(e) else "",
    ),
    "email": (_("E-mail"), lambda e: e.user.email),
    "country": (_("Country"), trainee_country),
    "organisation": (_("Organisation"), trainee_organisation),
    "organisation_type": (_("Type of organisation"), trainee_organisation_type),
    "job_title": (_("Job title"), lambda e: _profile(e).job_title if _profile(e) else ""),
    "sex": (_("Sex"), lambda e: str(_profile(e).get_sex_display()) if _profile(e) else ""),
    "course": (_("Course"), lambda e: e.run.course.title),
    "run_start": (_("Start date"), lambda e: e.run.start_date),
    "status": (_("Status"), lambda e: str(e.get_status_display())),
    "applied_at": (_("Applied at"), lambda e: e.created_at),
    "reference": (_("Reference"), lambda e: str(e.public_id)),
}


class EnrollmentFilterSet(WagtailFilterSet):
    run = django_filters.ModelChoiceFilter(
        label=_("Course run"), queryset=CourseRun.objects.select_related("course")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=EnrollmentStatus.choices)
    country = django_filters.ChoiceFilter(
        label=_("Country"), field_name="user__trainee_profile__country", choices=countries
    )
    organisation_type = django_filters.ChoiceFilter(
        label=_("Type of organisation"),
        field_name="user__trainee_profile__organisation_type",
        choices=OrganisationType.choices,
    )

    class Meta:
        model = Enrollment
        fields = ["run", "status"]


class EnrollmentIndexView(IndexView):
    export_headings = {key: heading for key, (heading, _accessor) in EXPORT_COLUMNS.items()}

    def stream_csv(self, queryset):
        # The CSV streams after the request's language is switched off: keep the admin's.
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            while True:
                with translation.override(language):
                    row = next(rows, None)
                if row is None:
                    return
                yield row

        return in_language()

    def to_row_dict(self, item):
        # Cells are neutralised where every export writes them (training_site.core.spreadsheets).
        return {key: EXPORT_COLUMNS[key][1](item) for key in self.list_export}


class EnrollmentInspectView(InspectView):
    template_name = "courses/admin/enrollment_inspect.html"

    def get_field_display_value(self, field_name, field):
        """Dates in the centre's time zone, as in the history below; empty dates as a dash."""
        value = getattr(self.object, field_name, None)
        if value is None:
            return "—"
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enrollment = self.object
        context["history"] = enrollment.history.select_related("by").order_by("at", "pk")
        can_decide = self.request.user.has_perm(DECIDE_PERMISSION)
        context["actions"] = []
        if can_decide:
            for action in (ApproveBulkAction, WaitlistBulkAction, DeclineBulkAction):
                if action.allowed_from(enrollment.status):
                    url = reverse(
                        "wagtail_bulk_action",
                        args=("courses", "enrollment", action.action_type),
                    )
                    context["actions"].append(
                        {
                            "label": action.display_name,
                            "url": f"{url}?id={quote(enrollment.pk)}&next={self.request.path}",
                        }
                    )
        return context


class _ViewPermissionRequired:
    """Wagtail's choosers ask only for admin access; enrollments are personal data, so their
    chooser also asks for the right to view them (focal points and instructors have none)."""

    def dispatch(self, request, *args, **kwargs):
        if not EnrollmentPermissionPolicy(Enrollment).user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class EnrollmentChooserViewSet(SnippetChooserViewSet):
    choose_view_class = type("ChooseView", (_ViewPermissionRequired, chooser.ChooseView), {})
    choose_results_view_class = type(
        "ChooseResultsView", (_ViewPermissionRequired, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type("ChosenView", (_ViewPermissionRequired, chooser.SnippetChosenView), {})
    chosen_multiple_view_class = type(
        "ChosenMultipleView", (_ViewPermissionRequired, chooser.SnippetChosenMultipleView), {}
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


register_permission_policy(Enrollment, EnrollmentPermissionPolicy(Enrollment))
register_snippet(EnrollmentViewSet)


# --- bulk decisions -----------------------------------------------------------------------------


class EnrollmentBulkAction(SnippetBulkAction):
    template_name = "courses/admin/enrollment_bulk_confirm.html"
    target_status: str = ""
    models = [Enrollment]

    @classmethod
    def allowed_from(cls, status: str) -> bool:
        from ..rules.admission import can_transition

        return status != cls.target_status and can_transition(status, cls.target_status)

    def check_perm(self, obj):
        return self.request.user.has_perm(DECIDE_PERMISSION)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(
            Enrollment.objects.filter(pk__in=object_ids).select_related(
                "user__trainee_profile", "run__course"
            )
        )

    def run_service(self, enrollment):
        raise NotImplementedError

    @classmethod
    def execute_action(cls, objects, **kwargs):
        self = kwargs["self"]
        done, self.failures = 0, []
        for enrollment in objects:
            try:
                self.run_service(enrollment)
            except CourseError as exc:
                self.failures.append(f"{trainee_name(enrollment)}: {exc.message}")
            else:
                done += 1
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        from wagtail.admin import messages

        for failure in self.failures:
            messages.warning(self.request, failure)
        return ngettext(
            "%(count)d enrollment changed.", "%(count)d enrollments changed.", num_parent_objects
        ) % {"count": num_parent_objects}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        return context


class ApproveBulkAction(EnrollmentBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected enrollments")
    action_priority = 10
    target_status = EnrollmentStatus.ENROLLED

    def run_service(self, enrollment):
        services.approve(enrollment=enrollment, by=self.request.user)


class WaitlistBulkAction(EnrollmentBulkAction):
    display_name = _("Put on the waiting list")
    action_type = "waitlist"
    aria_label = _("Put the selected enrollments on the waiting list")
    action_priority = 20
    target_status = EnrollmentStatus.WAITLISTED

    def run_service(self, enrollment):
        services.waitlist(enrollment=enrollment, by=self.request.user)


class DeclineBulkAction(EnrollmentBulkAction):
    display_name = _("Decline")
    action_type = "decline"
    aria_label = _("Decline the selected enrollments")
    action_priority = 30
    classes = {"serious"}
    form_class = DeclineForm
    target_status = EnrollmentStatus.DECLINED

    def run_service(self, enrollment):
        services.decline(
            enrollment=enrollment,
            by=self.request.user,
            reason=self.cleaned_form.cleaned_data["reason"],
        )


for _action in (ApproveBulkAction, WaitlistBulkAction, DeclineBulkAction):
    hooks.register("register_bulk_action", _action)


__all__ = ["EnrollmentViewSet"]


# --- account deletion requests ------------------------------------------------------------------


class DeletionRequestPermissionPolicy(ModelPermissionPolicy):
    """Trainees create requests from their profile; staff only record when they handled one."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete"):
            return False
        return super().user_has_permission(user, action)


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


register_permission_policy(
    AccountDeletionRequest, DeletionRequestPermissionPolicy(AccountDeletionRequest)
)


@hooks.register("register_admin_viewset")
def register_deletion_requests():
    return AccountDeletionRequestViewSet("account_deletion_requests")

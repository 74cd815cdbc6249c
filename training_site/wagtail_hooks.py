"""Study-visit requests in the Wagtail admin: list, filter, search, follow up."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_panels import NameColumn
from .models.roles import Role
from .models.visits import VisitRequest, VisitRequestStatus
from .role_services import GRANT_ACTION, REVOKE_ACTION
from .text import TextLinesFormField
from .user_admin import PlatformAssignRoleBulkAction
from .visit_services import follow_up_request, programme_for


class VisitRequestFollowUpForm(WagtailAdminModelForm):
    """The request's status, plus what staff add to it: a note, a reply, the programme link."""

    note = TextLinesFormField(
        label=_("Add an internal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by staff only."),
    )
    reply = TextLinesFormField(
        label=_("Reply to the requester"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("E-mailed to the contact person in the language of the request, and kept."),
    )
    send_programme = forms.BooleanField(
        label=_("Send the private link to the visit programme"),
        required=False,
        help_text=_("The request must be confirmed and its programme page published."),
    )

    class Meta:
        model = VisitRequest
        fields = ["status"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("send_programme"):
            if cleaned.get("status") != VisitRequestStatus.CONFIRMED:
                self.add_error(
                    "send_programme", _("Only a confirmed visit can receive its programme.")
                )
            elif programme_for(self.instance) is None:
                self.add_error(
                    "send_programme",
                    _("There is no published programme page for this request yet."),
                )
        return cleaned


class VisitRequestSummaryPanel(Panel):
    """The request as sent, and its history: status changes, notes, replies, programme pages."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "training_site/admin/visit_request_summary.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            visit = VisitRequest.objects.prefetch_related(
                "topics", "notes__author", "replies__sent_by", "status_changes__by"
            ).get(pk=self.instance.pk)
            context["visit"] = visit
            context["programme_pages"] = (
                visit.programme_pages.all().select_related("locale").order_by("locale_id")
            )
            return context


class VisitRequestEditView(EditView):
    def save_instance(self):
        visit = VisitRequest.objects.get(pk=self.object.pk)
        data = self.form.cleaned_data
        follow_up_request(
            visit=visit,
            by=self.request.user,
            status=data["status"],
            note=data.get("note", ""),
            reply=data.get("reply", ""),
            send_programme=data.get("send_programme", False),
        )
        return visit


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Requests come from the public form only."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action != "add"]
        return bool(actions) and super().user_has_any_permission(user, actions)


class VisitRequestViewSet(ModelViewSet):
    model = VisitRequest
    name = "visit_requests"
    icon = "group"
    menu_label = _("Study visit requests")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_view_class = VisitRequestEditView
    list_display = [
        NameColumn("contact_name", label=_("Contact person"), accessor="contact_name"),
        Column("country", label=_("Country"), accessor="country.name"),
        Column("delegation_size", label=_("Delegation size")),
        DateColumn("preferred_start", label=_("Preferred start date")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("submitted_at", label=_("Submitted at")),
    ]
    list_filter = ["status", "country", "language"]
    search_fields = ["contact_name", "contact_email", "institutions", "message"]
    ordering = ["-submitted_at"]
    edit_handler = ObjectList(
        [
            VisitRequestSummaryPanel(heading=_("Request")),
            FieldPanel("status"),
            FieldPanel("note"),
            FieldPanel("reply"),
            FieldPanel("send_programme"),
        ],
        base_form_class=VisitRequestFollowUpForm,
    )


register_permission_policy(VisitRequest, NoAddPermissionPolicy(VisitRequest), exact_class=True)
visit_request_viewset = VisitRequestViewSet()


@hooks.register("register_admin_viewset")
def register_visit_request_viewset():
    return visit_request_viewset


# --- the audit log's words for role grants (training_site.role_services) -------------------------


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

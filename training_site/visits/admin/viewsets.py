"""Study-visit requests in the Wagtail admin: list, filter, search, follow up."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from training_site.admin_panels import NameColumn
from training_site.visits.admin.forms import VisitRequestFollowUpForm
from training_site.visits.admin.panels import VisitRequestSummaryPanel
from training_site.visits.admin.views import VisitRequestEditView
from training_site.visits.models import VisitRequest


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


visit_request_viewset = VisitRequestViewSet()

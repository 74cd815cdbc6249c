"""The study-visit request as sent, and its history, on its admin page."""

from wagtail.admin.panels import Panel

from training_site.visits.models import VisitRequest


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

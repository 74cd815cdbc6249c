"""Panels of the admin home page."""

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component

from ..reports import dashboard
from ..reports.dimensions import DIMENSIONS
from ..reports.scope import scope_for_request


class TrainingFiguresPanel(Component):
    """The year's figures with two bar charts, on the admin home page."""

    name = "training_figures"
    template_name = "courses/admin/dashboard_panel.html"
    order = 50

    def __init__(self, scope, year: int | None = None):
        self.scope = scope
        self.year = year or timezone.localdate().year

    def get_context_data(self, parent_context):
        enrollments = self.scope.enrollments()
        summary = dashboard.year_summary(enrollments, self.year)
        per_country = dashboard.trainees_per_country(enrollments, self.year)
        per_month = dashboard.completions_per_month(enrollments, self.year)
        if self.scope.hides_small_counts:
            summary, per_country, per_month = dashboard.hide_small_counts(
                summary, per_country, per_month
            )
        return {
            "year": self.year,
            "summary": summary,
            "per_country": per_country,
            "per_month": per_month,
            "scope_kind": self.scope.kind,
            "report_links": [
                (reverse(f"course_reports:{key}") + f"?year={self.year}", spec.label)
                for key, spec in DIMENSIONS.items()
            ],
        }


def add_training_figures_panel(request, panels):
    """The dashboard's training figures, first, for whoever has a reports scope."""
    scope = scope_for_request(request)
    if scope is not None:
        panels.insert(0, TrainingFiguresPanel(scope))

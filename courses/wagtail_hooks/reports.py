"""Training reports in the Wagtail admin: a "Training reports" menu, the report URLs, the
dashboard panel and the report stylesheet."""

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from ..reports.dimensions import DIMENSIONS
from ..reports.scope import scope_for_request
from .report_views import BreakdownReportView, TrainingFiguresPanel


def _urls():
    patterns = []
    for key in DIMENSIONS:
        patterns += [
            path(f"{key}/", BreakdownReportView.as_view(dimension=key), name=key),
            path(
                f"{key}/results/",
                BreakdownReportView.as_view(dimension=key, results_only=True),
                name=f"{key}_results",
            ),
        ]
    return patterns


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("training-reports/", include((_urls(), "course_reports")))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for_request(request) is not None


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    items = [
        ReportMenuItem(
            spec.label,
            reverse(f"course_reports:{key}"),
            name=f"training-report-{key}",
            icon_name="table",
            order=index,
        )
        for index, (key, spec) in enumerate(DIMENSIONS.items())
    ]
    return SubmenuMenuItem(
        _("Training reports"),
        Menu(items=items),
        name="training-reports",
        icon_name="table",
        order=900,
    )


@hooks.register("construct_homepage_panels")
def add_training_figures_panel(request, panels):
    scope = scope_for_request(request)
    if scope is not None:
        panels.insert(0, TrainingFiguresPanel(scope))


@hooks.register("insert_global_admin_css")
def reports_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/reports.css"))

"""The training reports in the admin: one view per dimension, its URLs and its menu."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from ..reports.columns import columns_for, people_counts, people_measures
from ..reports.dimensions import DIMENSIONS
from ..reports.measures import breakdown, describe_rows, totals
from ..reports.scope import scope_for_request
from ..reports.suppression import Hidden, protect_table
from .filters import ReportFilterSet


class RateColumn(Column):
    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None or isinstance(value, Hidden):
            return "—" if value is None else value
        return f"{number_format(value, 1)} %"


class RowPaginator(WagtailPaginator):
    """Counts the report's rows, not the enrollments they summarise."""

    verbose_name = _("row")
    verbose_name_plural = _("rows")


class BreakdownReportView(ReportView):
    """Enrollments and completions grouped by `dimension` (run, course, topic, country...)."""

    dimension = None
    page_title = _("Training report")
    header_icon = "table"
    results_template_name = "courses/admin/report_results.html"
    filterset_class = ReportFilterSet
    paginator_class = RowPaginator
    paginate_by = 50

    def dispatch(self, request, *args, **kwargs):
        self.scope = scope_for_request(request)
        if self.scope is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def spec(self):
        return DIMENSIONS[self.dimension]

    def get_page_subtitle(self):
        return self.spec.label

    def get_index_url(self):
        return reverse(f"course_reports:{self.dimension}")

    def get_index_results_url(self):
        return reverse(f"course_reports:{self.dimension}_results")

    def get_filename(self):
        return f"training-report-{self.dimension}-{timezone.localdate():%Y%m%d}"

    @cached_property
    def report_columns(self):
        return columns_for(self.dimension)

    @cached_property
    def columns(self):
        columns = [Column("label", label=self.spec.label)]
        for column in self.report_columns:
            column_class = RateColumn if column.is_rate else Column
            columns.append(column_class(column.key, label=column.label))
        return columns

    @cached_property
    def list_export(self):
        dates = ["start_date", "end_date"] if self.dimension == "run" else []
        return ["label", *dates, *(column.key for column in self.report_columns)]

    @cached_property
    def export_headings(self):
        return {
            "label": self.spec.label,
            "start_date": _("Start date"),
            "end_date": _("End date"),
            **{column.key: column.label for column in self.report_columns},
        }

    @cached_property
    def filters_valid(self) -> bool:
        return self.filters is None or self.filters.is_valid()

    @cached_property
    def filtered_enrollments(self):
        enrollments = self.scope.enrollments()
        if not self.filters_valid:
            return enrollments.none()
        if self.filters is not None:
            enrollments = self.filters.filter_queryset(enrollments)
        return enrollments

    @cached_property
    def table(self) -> tuple[list[dict], dict | None]:
        """Every row of the report, described, and the totals; for anyone but staff, under the
        small-count rule (over all the rows, not one page: the pages add up)."""
        rows = describe_rows(breakdown(self.filtered_enrollments, self.dimension), self.dimension)
        total = totals(self.filtered_enrollments) if self.filters_valid else None
        if self.scope.hides_small_counts:
            rows, total = protect_table(
                rows,
                total,
                counts=people_counts(self.dimension),
                measures=people_measures(self.dimension),
            )
        return rows, total

    def get_queryset(self):
        return self.table[0]

    def get_filtered_queryset(self):
        return self.get_queryset()

    @property
    def totals(self):
        return self.table[1]

    def decorate_paginated_queryset(self, object_list):
        rows = list(object_list)
        if self.is_export:
            if self.totals is not None:
                rows.append({key: self.totals.get(key) for key in self.list_export})
            # The CSV is written after the request's language is switched off: say "fewer than
            # 5" in the admin's language now.
            rows = [
                {key: str(v) if isinstance(v, Hidden) else v for key, v in row.items()}
                for row in rows
            ]
        return rows

    @cached_property
    def no_results_message(self):
        if not self.filters_valid:
            return _("These filters are not valid; correct them to see the report.")
        return _("No enrollments match these filters.")

    def get(self, request, *args, **kwargs):
        self.object_list = self.get_queryset()
        context = self.get_context_data()
        return self.render_to_response(context)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["object_list"] = self.decorate_paginated_queryset(context["object_list"])
        context["table"] = self.get_table(context["object_list"])
        errors = []
        if not self.filters_valid:
            form = self.filters.form
            errors = [
                f"{form.fields[name].label}: {' '.join(messages)}"
                if name in form.fields
                else " ".join(messages)
                for name, messages in form.errors.items()
            ]
        context["filter_errors"] = errors
        context["totals"] = self.totals
        context["total_columns"] = [
            (column, (self.totals or {}).get(column.key)) for column in columns_for(None)
        ]
        context["scope_kind"] = self.scope.kind
        return context


def report_urls():
    """The report URLs, two per dimension (the page and its results), in `course_reports`."""
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


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return scope_for_request(request) is not None


def reports_menu() -> SubmenuMenuItem:
    """The "Training reports" menu: one item per dimension, shown to whoever has a scope."""
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

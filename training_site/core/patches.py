"""The one home of library patches.

Each patch names the library API it relies on; tests/training_site/test_patches.py fails when
that API changes, so an upgrade cannot silently undo a patch.

- `neutralise_spreadsheet_exports`: every CSV/XLSX cell and heading Wagtail's
  `SpreadsheetExportMixin` writes (its own reports and listings and the project's, which are
  built on it) goes through `training_site.core.spreadsheets.neutralise`. The mixin sends every cell
  through `preprocess_field_value(field, value, export_format)` and every heading through
  `get_heading(queryset, field)`; both are wrapped.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from training_site.core.spreadsheets import neutralise


def neutralise_spreadsheet_exports() -> None:
    if getattr(SpreadsheetExportMixin, "cells_neutralised", False):
        return
    preprocess_field_value = SpreadsheetExportMixin.preprocess_field_value
    get_heading = SpreadsheetExportMixin.get_heading

    def neutralised_value(self, field, value, export_format):
        return neutralise(preprocess_field_value(self, field, value, export_format))

    def neutralised_heading(self, queryset, field):
        return neutralise(get_heading(self, queryset, field))

    SpreadsheetExportMixin.preprocess_field_value = neutralised_value
    SpreadsheetExportMixin.get_heading = neutralised_heading
    SpreadsheetExportMixin.cells_neutralised = True


def apply() -> None:
    neutralise_spreadsheet_exports()

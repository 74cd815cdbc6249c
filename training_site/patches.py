"""The one home of library patches.

Each patch names the library API it relies on; tests/training_site/test_patches.py fails when
that API changes, so an upgrade cannot silently undo a patch.

- `neutralise_spreadsheet_exports`: every CSV/XLSX cell and heading Wagtail's
  `SpreadsheetExportMixin` writes (its own reports and listings and the project's, which are
  built on it) goes through `training_site.spreadsheets.neutralise`. The mixin sends every cell
  through `preprocess_field_value(field, value, export_format)` and every heading through
  `get_heading(queryset, field)`; both are wrapped.
- `refuse_hidden_characters_in_library_names`: the names and titles that Wagtail and Django
  define (the page title, its SEO title and search description, image and document titles, a user's first and last name)
  get `training_site.text.validate_text_line`, the validator of the project's own
  `TextLineField`s. It is appended to the model field's `validators` list (Django's cached
  property), so it runs in model forms and `full_clean`, Wagtail's `Page.save` included, and
  leaves the field's `deconstruct()` (and so the migrations) as they are. The project's
  `TextLinesField` gets the auto-height textarea Wagtail gives exactly `models.TextField`.
"""

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets import AdminAutoHeightTextInput

from .spreadsheets import neutralise
from .text import TextLinesField, refuse_hidden_characters

LIBRARY_TEXT_FIELDS = [  # (model, field, several lines?); model None: settings.AUTH_USER_MODEL
    ("wagtailcore.Page", "title", False),
    ("wagtailcore.Page", "seo_title", False),
    ("wagtailcore.Page", "search_description", True),
    ("wagtailimages.Image", "title", False),
    (None, "first_name", False),
    (None, "last_name", False),
]


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


def refuse_hidden_characters_in_library_names() -> None:
    # Inside the function: patches are applied from AppConfig.ready, when models are loaded.
    from django.apps import apps
    from django.contrib.auth import get_user_model

    from wagtail.documents import get_document_model

    for label, name, multiline in LIBRARY_TEXT_FIELDS:
        model = apps.get_model(label) if label else get_user_model()
        refuse_hidden_characters(model._meta.get_field(name), multiline=multiline)
    # The project's document model copies the abstract document's field: patch its copy too.
    refuse_hidden_characters(get_document_model()._meta.get_field("title"))
    register_form_field_override(
        TextLinesField, override={"widget": AdminAutoHeightTextInput}, exact_class=True
    )


def apply() -> None:
    neutralise_spreadsheet_exports()
    refuse_hidden_characters_in_library_names()

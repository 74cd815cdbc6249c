"""The one home of library patches and of the project's uses of library internals.

Each names the library API it relies on; tests/training_site/core/test_patches.py fails when that
API changes, so an upgrade cannot silently undo a patch. `apply()` runs once, in
TrainingSiteConfig.ready().

- `neutralise_spreadsheet_exports`: every CSV/XLSX cell and heading Wagtail's
  `SpreadsheetExportMixin` writes (its own reports and listings and the project's, which are
  built on it) goes through `training_site.core.spreadsheets.neutralise`. The mixin sends every cell
  through `preprocess_field_value(field, value, export_format)` and every heading through
  `get_heading(queryset, field)`; both are wrapped.
- `reuse_font_subsets`: WeasyPrint's private `Font._harfbuzz_subset(font, to_unicode, hinting)`
  subsets a font for each PDF; it is wrapped to reuse one growing subset per font file.
  Measured gain: see docs/performance.md (certificate rendering).
- `find_site`, `remember_site`, `remember_route`, `route_remembered`: Wagtail's
  `Site._find_for_request(request)` (the uncached site lookup), and the request attributes where
  `Site.find_for_request` (`_wagtail_site`) and `Page.route_for_request`
  (`_wagtail_route_for_request`) keep their answers. training_site.core.routing caches the site
  in the shared cache and hands Wagtail a route found in two queries through them.
- `refuse_hidden_characters_in_library_names`: the names and titles that Wagtail and Django
  define (the page title, its SEO title and search description, image and document titles, a
  user's first and last name) get `training_site.core.text.validate_text_line`, the validator of
  the project's own `TextLineField`s. It is appended to the model field's `validators` list
  (Django's cached property), so it runs in model forms and `full_clean`, Wagtail's `Page.save`
  included, and leaves the field's `deconstruct()` (and so the migrations) as they are. The
  project's `TextLinesField` gets the auto-height textarea Wagtail gives exactly
  `models.TextField`.
- `plain_search_queries`: every search (the catalogue's, the admin's, the choosers') keeps only
  the words of what was typed (`training_site.core.search_text.plain_words`). Every backend's
  query compiler receives the query in `BaseSearchQueryCompiler.__init__` and keeps it in
  `self.query`: a tree of `PlainText`, `Phrase` and `Fuzzy` (`query_string`) under `And`/`Or`
  (`subqueries`), `Not` and `Boost` (`subquery`). A query left without a word matches nothing.
- `convert_raw_rich_text`: a rich-text field posted as HTML (or anything else that is not the
  editor's contentstate JSON) is read as HTML through the editor's own converters, which keep
  only the field's features, instead of failing with a 500. `DraftailRichTextArea`'s
  `value_from_datadict` turns the JSON into HTML with `converter.to_database_format`; the
  converter's `from_database_format` reads HTML into contentstate.
"""

import copy
import threading

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.widgets import AdminAutoHeightTextInput
from wagtail.documents import get_document_model
from wagtail.models import Site

from modelsearch.backends.base import BaseSearchQueryCompiler
from modelsearch.query import MATCH_NONE
from weasyprint.pdf.fonts import Font

from training_site.core.search_text import plain_words
from training_site.core.spreadsheets import neutralise
from training_site.core.text import TextLinesField, refuse_hidden_characters

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


# (font file hash, hinting, any glyph missing) -> (glyph ids covered, subset font file)
font_subsets: dict[tuple, tuple[frozenset, bytes]] = {}
_subsets_lock = threading.Lock()


def reuse_font_subsets() -> None:
    """Embed, for each font, one subset per process that grows to cover every glyph asked for.

    WeasyPrint subsets each font for each PDF, about a fifth of a certificate's rendering. A subset
    with more glyphs than a document uses is still correct (glyph ids are kept, PDF/A-2 and -3
    need no CIDSet), so a subset is reused while it covers the document's glyphs, and widened
    when it does not: after a few certificates every subset is a hit. At most one subset per
    font file is kept (a few MB). PDF/A-1 would need exact subsets (its CIDSet lists every glyph):
    the platform writes PDF/A-3b only.
    """
    subset = getattr(Font, "_harfbuzz_subset", None)
    if subset is None or getattr(subset, "reused", False):
        return

    def reused(font, to_unicode, hinting):
        key = (font.hash, hinting, bool(font.missing))
        glyphs = set(to_unicode)
        with _subsets_lock:
            covered, content = font_subsets.get(key, (frozenset(), b""))
        if covered and glyphs <= covered:
            font.file_content = content
            return
        glyphs |= covered
        subset(font, dict.fromkeys(glyphs), hinting)  # reads only the glyph ids
        with _subsets_lock:
            font_subsets[key] = (frozenset(glyphs), font.file_content)

    reused.reused = True
    reused.wrapped = subset
    Font._harfbuzz_subset = reused


# --- Wagtail's site and route memo on the request -----------------------------------------------

SITE_ATTR = "_wagtail_site"
ROUTE_ATTR = "_wagtail_route_for_request"


def find_site(request) -> Site | None:
    """The site for the request, looked up without Wagtail's memo."""
    return Site._find_for_request(request)


def site_remembered(request) -> bool:
    return hasattr(request, SITE_ATTR)


def remembered_site(request) -> Site | None:
    return getattr(request, SITE_ATTR)


def remember_site(request, site: Site | None) -> None:
    """`Site.find_for_request(request)` answers `site` from now on."""
    setattr(request, SITE_ATTR, site)


def route_remembered(request) -> bool:
    return hasattr(request, ROUTE_ATTR)


def remember_route(request, result) -> None:
    """`Page.route_for_request(request, path)` (Wagtail's `serve`) answers `result`."""
    setattr(request, ROUTE_ATTR, result)


def refuse_hidden_characters_in_library_names() -> None:
    """Runs from AppConfig.ready, when the models are loaded."""
    for label, name, multiline in LIBRARY_TEXT_FIELDS:
        model = apps.get_model(label) if label else get_user_model()
        refuse_hidden_characters(model._meta.get_field(name), multiline=multiline)
    # The project's document model copies the abstract document's field: patch its copy too.
    refuse_hidden_characters(get_document_model()._meta.get_field("title"))
    register_form_field_override(
        TextLinesField, override={"widget": AdminAutoHeightTextInput}, exact_class=True
    )


def _plain(query):
    """`query` with only words in its strings; None when no word is left."""
    query = copy.copy(query)
    if hasattr(query, "query_string"):
        query.query_string = plain_words(query.query_string)
        return query if query.query_string else None
    if hasattr(query, "subqueries"):
        query.subqueries = [sub for sub in map(_plain, query.subqueries) if sub is not None]
        return query if query.subqueries else None
    if hasattr(query, "subquery"):
        query.subquery = _plain(query.subquery)
        return query if query.subquery is not None else None
    return query  # MatchAll


def plain_search_queries() -> None:
    if getattr(BaseSearchQueryCompiler, "queries_made_plain", False):
        return
    init = BaseSearchQueryCompiler.__init__

    def plain_init(self, queryset, query, *args, **kwargs):
        init(self, queryset, query, *args, **kwargs)
        self.query = _plain(self.query) or MATCH_NONE

    BaseSearchQueryCompiler.__init__ = plain_init
    BaseSearchQueryCompiler.queries_made_plain = True


def convert_raw_rich_text() -> None:
    # Imported here: the editor's converters load the Page model, and this module is imported
    # while models load (training_site.core.routing).
    from wagtail.admin.rich_text import DraftailRichTextArea

    if getattr(DraftailRichTextArea, "raw_text_converted", False):
        return
    value_from_datadict = DraftailRichTextArea.value_from_datadict

    def converted_value_from_datadict(self, data, files, name):
        try:
            return value_from_datadict(self, data, files, name)
        except Exception:  # whatever the exporter raises on text that is not its JSON
            raw = forms.HiddenInput.value_from_datadict(self, data, files, name)
            contentstate = self.converter.from_database_format(str(raw))
            return self.converter.to_database_format(contentstate)

    DraftailRichTextArea.value_from_datadict = converted_value_from_datadict
    DraftailRichTextArea.raw_text_converted = True


def apply() -> None:
    neutralise_spreadsheet_exports()
    reuse_font_subsets()
    refuse_hidden_characters_in_library_names()
    plain_search_queries()
    convert_raw_rich_text()

"""The library patches of training_site.core.patches: each fails here when the API it relies on changes."""

import csv
import inspect
import io
import re

from django.urls import get_resolver

from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.models import Page, Site

import pytest
from openpyxl import load_workbook
from weasyprint.pdf.fonts import Font

from training_site.core import patches
from training_site.core.spreadsheets import neutralise


def all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from all_subclasses(subclass)


class ExportView(SpreadsheetExportMixin):
    """The smallest export: Wagtail's own writers over one row of hostile text and numbers."""

    list_export = ["title", "gain", "count"]
    export_headings = {"title": "=Title", "gain": "Gain"}

    def to_row_dict(self, item):
        return dict(item)


ROW = {"title": "=HYPERLINK(1)", "gain": -30.5, "count": 7}


def test_csv_cells_and_headings_go_through_neutralise():
    lines = b"".join(ExportView().stream_csv([ROW])).decode("utf-8")
    heading, row = list(csv.reader(io.StringIO(lines)))
    assert heading == ["'=Title", "Gain", "count"]
    assert row == ["'=HYPERLINK(1)", "-30.5", "7"]


def test_xlsx_cells_and_headings_go_through_neutralise():
    output = io.BytesIO()
    ExportView().write_xlsx([ROW], output)
    heading, row = load_workbook(io.BytesIO(output.getvalue())).active.iter_rows(values_only=True)
    assert heading == ("'=Title", "Gain", "count")
    assert row == ("'=HYPERLINK(1)", -30.5, 7)  # numbers stay numbers


def test_no_export_view_overrides_the_patched_methods():
    """An override of either method would write its cells without the patch."""
    assert get_resolver().url_patterns  # loads every view module the site routes to
    assert SubmissionsListView in set(all_subclasses(SpreadsheetExportMixin))
    overriding = [
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in all_subclasses(SpreadsheetExportMixin)
        if {"preprocess_field_value", "get_heading"} & set(vars(cls))
    ]
    assert overriding == []
    assert SpreadsheetExportMixin.cells_neutralised


def test_neutralise_quotes_only_text_that_starts_with_a_trigger():
    from django.utils.translation import gettext_lazy

    for text in ("=1+1", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1"):
        assert neutralise(text) == "'" + text
    assert neutralise(gettext_lazy("=lazy")) == "'=lazy"
    for value in ("Karim", " =1", "1-2", "", None, -5, -2.5, 0):
        assert neutralise(value) == value


def test_a_validator_appended_to_a_fields_validators_runs_and_changes_no_migration():
    """refuse_hidden_characters_in_library_names relies on `Field.validators` being a list,
    cached on the field, that `Field.run_validators` (and so `Model.full_clean`) reads, while
    `deconstruct()` reads only the constructor's `_validators`."""
    from django.core.exceptions import ValidationError
    from django.db import models

    from wagtail.models import Page

    from training_site.core.text import refuse_hidden_characters

    field = models.CharField(max_length=20)
    field.set_attributes_from_name("title")
    before = field.deconstruct()
    refuse_hidden_characters(field)
    assert field.deconstruct() == before
    try:
        field.clean("\u202etitle", None)
    except ValidationError as error:
        assert [e.code for e in error.error_list] == ["hidden_characters"]
    else:
        raise AssertionError("the appended validator did not run")
    title = Page._meta.get_field("title")
    assert "validators" not in title.deconstruct()[3]
    try:
        title.run_validators("\u202etitle")  # what Model.clean_fields calls
    except ValidationError as error:
        assert [e.code for e in error.error_list] == ["hidden_characters"]
    else:
        raise AssertionError("Page.title takes a bidi override")


# --- WeasyPrint's font subsetting ------------------------------------------------------------------


def test_weasyprint_still_subsets_fonts_through_the_wrapped_private_method():
    assert getattr(Font._harfbuzz_subset, "reused", False), "the font subsets patch is not applied"
    original = Font._harfbuzz_subset.wrapped
    assert list(inspect.signature(original).parameters) == ["self", "to_unicode", "hinting"]
    # The caller WeasyPrint uses: Font.subset calls self._harfbuzz_subset(to_unicode, hinting).
    assert "self._harfbuzz_subset(to_unicode, hinting)" in inspect.getsource(Font)
    assert patches.font_subsets is not None


# --- Wagtail's site and route memo on the request ----------------------------------------------


def test_wagtails_uncached_site_lookup_still_takes_the_request():
    assert list(inspect.signature(Site._find_for_request).parameters) == ["request"]


@pytest.mark.django_db
def test_wagtail_still_reads_the_site_and_the_route_from_the_request(rf):
    request = rf.get("/en/anywhere/")
    site, route = object(), object()
    patches.remember_site(request, site)
    patches.remember_route(request, route)
    assert patches.site_remembered(request) and patches.route_remembered(request)
    assert Site.find_for_request(request) is site
    assert Page.route_for_request(request, "/anywhere/") is route


# --- plain_search_queries: only words reach the search backend ---------------------------------


def test_every_search_query_keeps_only_its_words():
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

    backend = get_search_backend()
    query = And(
        [
            PlainText('a"b \x00 c', operator="and"),
            Or([Phrase('"'), Boost(Phrase('"x"'), 2)]),
            Not(PlainText("d")),
        ]
    )
    plain = backend.query_compiler_class(Page.objects.all(), query).query
    first, either, negated = plain.subqueries
    assert first.query_string == "a b c" and first.operator == "and"
    assert [type(q) for q in either.subqueries] == [Boost]  # the phrase of a lone quote is gone
    assert either.subqueries[0].subquery.query_string == "x"
    assert negated.subquery.query_string == "d"
    assert query.subqueries[0].query_string == 'a"b \x00 c'  # the caller's query is untouched
    nothing = backend.query_compiler_class(Page.objects.all(), '" \x00 "').query
    assert isinstance(nothing, Not) and type(nothing.subquery).__name__ == "MatchAll"


def test_plain_words_keep_every_script_and_drop_quotes_and_controls():
    from training_site.core.search_text import MAX_TERM_LENGTH, MAX_TERMS, plain_words

    assert plain_words('الاتجار "بالبشر" traite-des-êtres\x00humains') == (
        "الاتجار بالبشر traite-des-êtres humains"
    )
    assert plain_words('"\x00\x07 "') == ""
    assert plain_words(" ".join(["x" * 500] * 100)) == " ".join(["x" * MAX_TERM_LENGTH] * MAX_TERMS)


# --- convert_raw_rich_text: rich text posted as HTML is read through the editor's converter -----


def test_rich_text_posted_as_html_keeps_only_the_fields_features():
    from wagtail.admin.rich_text import DraftailRichTextArea

    widget = DraftailRichTextArea(features=["bold"])
    html = (
        '<p>Spot <b>signs</b> <i>early</i></p><script>alert(1)</script><a href="javascript:x">y</a>'
    )
    saved = re.sub(
        r' data-block-key="\w+"', "", widget.value_from_datadict({"body": html}, {}, "body")
    )
    assert saved == "<p>Spot <b>signs</b> early</p><p>alert(1)</p><p>y</p>"  # markup is text
    for not_contentstate in ("[1, 2]", '{"blocks": 5}', "7", '"text"', "{"):
        assert widget.value_from_datadict({"body": not_contentstate}, {}, "body") is not None
    contentstate = widget.format_value("<p><b>kept</b></p>")  # what the editor posts back
    kept = widget.value_from_datadict({"body": contentstate}, {}, "body")
    assert re.sub(r' data-block-key="\w+"', "", kept) == "<p><b>kept</b></p>"
    assert widget.value_from_datadict({}, {}, "body") is None

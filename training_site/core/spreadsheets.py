"""Spreadsheet cells that stay text: the one place the platform neutralises formulas.

A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and, in some programs, a tab
or a carriage return) as a formula, so a course title like `=HYPERLINK(...)` would become a live
link or command on a staff member's computer. Following OWASP's guidance on CSV injection, such
text gets a leading single quote. Only text: a number, even a negative one, is a number.

Every CSV and XLSX the platform writes goes through `neutralise`: Wagtail's exports (its
reports, snippet and viewset listings, form submissions) and the project's own, which are built
on Wagtail's `SpreadsheetExportMixin`, through the patch in `training_site.core.patches`.
"""

from django.utils.functional import Promise

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value` as a spreadsheet may show it: text starting with a trigger is quoted."""
    if isinstance(value, Promise):  # a lazy translation is text too
        value = str(value)
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value

"""Lookups that answer "no match" for a value no column can hold.

Numbers: Django does this for `exact`, `gt`, `gte`, `lt` and `lte` on integer fields
(`django.db.models.lookups.IntegerFieldOverflow`), but not for `in`, nor for the same lookups
through a relation: a foreign key (`course=<n>`) or the primary key of a page type (a one-to-one
to Page). There the number reached the driver, and SQLite raised OverflowError: a 30-digit id
typed into a form, a filter or a URL gave a 500 instead of "no such object", wherever it went
(the project's forms and filters, Wagtail's, django-filter's).

Text: PostgreSQL text cannot hold NUL, and refuses a query that names one (DataError): a NUL in
`?locale=` of any translatable admin listing gave a 500. A text lookup for a value with a NUL
matches nothing, on every database (the platform stores no NUL).

Registered once, here, on every integer, text and relation field; `training_site.apps` registers
them when the app is ready.
"""

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db.models import CharField, ForeignObject, IntegerField, TextField
from django.db.models.fields.related_lookups import (
    RelatedExact,
    RelatedGreaterThan,
    RelatedGreaterThanOrEqual,
    RelatedIn,
    RelatedLessThan,
    RelatedLessThanOrEqual,
)
from django.db.models.lookups import (
    Contains,
    EndsWith,
    Exact,
    IContains,
    IEndsWith,
    IExact,
    In,
    IStartsWith,
    StartsWith,
)


def _column_range(field, connection) -> tuple[int | None, int | None]:
    """The range of the integer column behind `field`, following relations to their target."""
    for _hop in range(10):  # a relation to a relation to a key: a few hops at most
        if not hasattr(field, "path_infos"):
            break
        field = field.path_infos[-1].target_fields[-1]
    return connection.ops.integer_field_ranges.get(field.get_internal_type(), (None, None))


def _side(value, low, high) -> int:
    """-1 below the range, 1 above it, 0 inside it (or not a number)."""
    if not isinstance(value, int) or isinstance(value, bool):
        return 0
    if low is not None and value < low:
        return -1
    if high is not None and value > high:
        return 1
    return 0


class _RelatedOverflow:
    """Like IntegerFieldOverflow, for the integer column a relation points to."""

    underflow_exception = EmptyResultSet
    overflow_exception = EmptyResultSet

    def process_rhs(self, compiler, connection):
        side = _side(self.rhs, *_column_range(self.lhs.output_field, connection))
        if side < 0:
            raise self.underflow_exception
        if side > 0:
            raise self.overflow_exception
        return super().process_rhs(compiler, connection)


class _InRange:
    """`in`: numbers outside the column's range match nothing, so they are left out."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            bounds = _column_range(self.lhs.output_field, connection)
            self.rhs = [value for value in self.rhs if not _side(value, *bounds)]
        return super().process_rhs(compiler, connection)


class IntegerFieldIn(_InRange, In):
    pass


class OverflowSafeRelatedIn(_InRange, RelatedIn):
    pass


class OverflowSafeRelatedExact(_RelatedOverflow, RelatedExact):
    pass


class OverflowSafeRelatedLessThan(_RelatedOverflow, RelatedLessThan):
    overflow_exception = FullResultSet


class OverflowSafeRelatedLessThanOrEqual(_RelatedOverflow, RelatedLessThanOrEqual):
    overflow_exception = FullResultSet


class OverflowSafeRelatedGreaterThan(_RelatedOverflow, RelatedGreaterThan):
    underflow_exception = FullResultSet


class OverflowSafeRelatedGreaterThanOrEqual(_RelatedOverflow, RelatedGreaterThanOrEqual):
    underflow_exception = FullResultSet


def _has_nul(value) -> bool:
    return isinstance(value, str) and "\x00" in value


class _NoNul:
    """A text value with a NUL matches nothing (PostgreSQL would refuse the query)."""

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and _has_nul(self.rhs):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


class _InWithoutNul:
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            self.rhs = [value for value in self.rhs if not _has_nul(value)]
        return super().process_rhs(compiler, connection)


TEXT_LOOKUPS = [
    type(f"NulSafe{lookup.__name__}", (_NoNul, lookup), {})
    for lookup in (Exact, IExact, Contains, IContains, StartsWith, IStartsWith, EndsWith, IEndsWith)
]
TEXT_LOOKUPS.append(type("NulSafeIn", (_InWithoutNul, In), {}))


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
    for text_field in (CharField, TextField):
        for lookup in TEXT_LOOKUPS:
            text_field.register_lookup(lookup)
    for lookup in (
        OverflowSafeRelatedIn,
        OverflowSafeRelatedExact,
        OverflowSafeRelatedLessThan,
        OverflowSafeRelatedLessThanOrEqual,
        OverflowSafeRelatedGreaterThan,
        OverflowSafeRelatedGreaterThanOrEqual,
    ):
        ForeignObject.register_lookup(lookup)

"""Report tables: each is one query over enrollments, grouped by a dimension (dimensions.py),
with the columns that apply to it (columns.py).
"""

from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .columns import columns_for
from .dimensions import DIMENSIONS


def _language() -> str:
    return (get_language() or "ar")[:2]


def _aggregates(dimension: str | None) -> dict:
    return {c.key: c.aggregate() for c in columns_for(dimension) if c.aggregate is not None}


def breakdown(enrollments: QuerySet, dimension: str, *, language: str | None = None) -> QuerySet:
    """One row per value of `dimension` with every aggregate column: a single GROUP BY query.

    Rows are dicts; pass them through `describe_rows()` for labels and derived columns.
    """
    spec = DIMENSIONS[dimension]
    return (
        enrollments.order_by()
        .values(**spec.group(language or _language()))
        .annotate(**spec.labels(), **_aggregates(dimension))
        .order_by(*spec.order_by)
    )


def describe_rows(rows, dimension: str) -> list[dict]:
    """Add `label` and the derived columns to aggregated rows (no queries)."""
    spec = DIMENSIONS[dimension]
    derived = [c for c in columns_for(dimension) if c.compute is not None]
    described = []
    for row in rows:
        row = dict(row)
        row["label"] = spec.describe(row)
        for column in derived:
            row[column.key] = column.compute(row)
        described.append(row)
    return described


def totals(enrollments: QuerySet, **extra) -> dict:
    """The totals of the columns that apply to every report: one aggregate query.

    `extra` aggregates (name=expression) are computed in the same query.
    """
    row = enrollments.order_by().aggregate(**_aggregates(None), **extra)
    for column in columns_for(None):
        if column.compute is not None:
            row[column.key] = column.compute(row)
    row["label"] = str(_("Total"))
    return row


def report_rows(enrollments: QuerySet, dimension: str) -> list[dict]:
    return describe_rows(breakdown(enrollments, dimension), dimension)

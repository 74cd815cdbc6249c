"""Small-count suppression: pure functions, no database.

A count between 1 and THRESHOLD - 1 could single out a person, so it is shown as "fewer than
THRESHOLD". Zero singles out nobody and is shown as it is. A rate is hidden when its denominator is
small, because it would reveal individual results.

The rule applies to every figure about people that a non-staff role sees (the public impact page,
and the reports and dashboard of focal points and instructors); figures that are not about people
(training hours, numbers of sessions or countries) are shown as they are.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils.translation import gettext

THRESHOLD = 5


@dataclass(frozen=True)
class Shown:
    """A count as the public may see it: `value` is None when suppressed."""

    value: int | None

    @property
    def suppressed(self) -> bool:
        return self.value is None


def suppress(count: int | None, threshold: int = THRESHOLD) -> Shown:
    count = count or 0
    if 0 < count < threshold:
        return Shown(None)
    return Shown(count)


def protect_remainder(shown: list[Shown]) -> list[Shown]:
    """Hide one more count when exactly one is hidden among parts of a published total.

    Otherwise the total minus the shown parts would give the hidden count away. The smallest
    shown (non-zero) count is hidden as well.
    """
    hidden = [s for s in shown if s.suppressed]
    visible = [(s.value, i) for i, s in enumerate(shown) if not s.suppressed and s.value]
    if len(hidden) != 1 or not visible:
        return list(shown)
    _value, index = min(visible)
    return [Shown(None) if i == index else s for i, s in enumerate(shown)]


def suppressed_rate(
    numerator: int | None, denominator: int | None, threshold: int = THRESHOLD
) -> float | None:
    """Percentage rounded to a whole number, or None when the denominator is too small."""
    numerator, denominator = numerator or 0, denominator or 0
    if denominator < threshold:
        return None
    return round(100 * numerator / denominator)


def bar_widths(counts: list[int | None]) -> list[float]:
    """Each count as a percentage of the largest one (0 for suppressed or empty counts)."""
    largest = max((c for c in counts if c), default=0)
    if not largest:
        return [0.0 for _ in counts]
    return [round(100 * (c or 0) / largest, 1) for c in counts]


# --- report tables seen by a non-staff role -----------------------------------------------------


@dataclass(frozen=True)
class Hidden:
    """A figure withheld by the small-count rule, in place of its value in a report row.

    `kind` is "count" (a number of people from 1 to THRESHOLD - 1) or "measure" (an average, a
    rate or a sum over so few people, or over a count that is itself hidden).
    """

    kind: str

    is_hidden = True

    def __str__(self) -> str:
        if self.kind == "count":
            return gettext("fewer than 5")
        return gettext("hidden: fewer than 5 people")


HIDDEN_COUNT = Hidden("count")
HIDDEN_MEASURE = Hidden("measure")


def protect_table(
    rows: list[dict],
    total: dict | None,
    *,
    counts: Iterable[str],
    measures: Mapping[str, Iterable[str]],
    threshold: int = THRESHOLD,
) -> tuple[list[dict], dict | None]:
    """The rows and the total of a report as a non-staff role may see them. Pure.

    `counts` are the keys of figures that count people: from 1 to `threshold` - 1 they are
    hidden, and when the total of a column is shown and exactly one row is hidden in it, the
    smallest other count of the column is hidden too (the total would give it away). `measures`
    maps each average, rate or sum to the counts of people it is computed over: it is hidden
    wherever one of those is. Every other key (hours, sessions: not about people) is kept.
    """
    rows = [dict(row) for row in rows]
    total = dict(total) if total is not None else None
    for key in counts:
        present = [row for row in rows if key in row]
        shown = [suppress(row[key], threshold) for row in present]
        if total is not None and key in total:
            total_shown = suppress(total[key], threshold)
            if not total_shown.suppressed:
                shown = protect_remainder(shown)
            if total_shown.suppressed:
                total[key] = HIDDEN_COUNT
        for row, figure in zip(present, shown, strict=True):
            if figure.suppressed:
                row[key] = HIDDEN_COUNT
    for row in [*rows, *([total] if total is not None else [])]:
        for key, bases in measures.items():
            if key in row and any(row.get(base) is HIDDEN_COUNT for base in bases):
                row[key] = HIDDEN_MEASURE
    return rows, total

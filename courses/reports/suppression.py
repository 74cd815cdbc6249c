"""Small-count suppression: pure functions, no database.

A count between 1 and THRESHOLD - 1 could single out a person, so it is shown as "fewer than
THRESHOLD". Zero singles out nobody and is shown as it is. A rate is hidden when its denominator is
small, because it would reveal individual results.
"""

from dataclasses import dataclass

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

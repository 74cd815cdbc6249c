"""Small-count suppression, without the database."""

from courses.reports.impact import public_figures
from courses.reports.suppression import (
    Shown,
    bar_widths,
    protect_remainder,
    suppress,
    suppressed_rate,
)


def test_counts_from_one_to_four_are_hidden():
    assert [suppress(n).suppressed for n in range(0, 7)] == [
        False, True, True, True, True, False, False,
    ]  # fmt: skip
    assert suppress(0) == Shown(0)
    assert suppress(5) == Shown(5)
    assert suppress(None) == Shown(0)
    assert suppress(9, threshold=10).suppressed


def test_rates_need_a_large_enough_denominator():
    assert suppressed_rate(3, 4) is None
    assert suppressed_rate(4, 5) == 80
    assert suppressed_rate(2, 3, threshold=3) == 67
    assert suppressed_rate(0, 0) is None


def test_bar_widths_are_relative_to_the_largest_shown_count():
    assert bar_widths([10, 5, None, 0]) == [100.0, 50.0, 0.0, 0.0]
    assert bar_widths([None, None]) == [0.0, 0.0]
    assert bar_widths([]) == []


def raw(officials, completed=20, not_completed=5, by_country=(), by_year=()):
    return {
        "head": {
            "officials": officials,
            "countries": 3,
            "courses": 2,
            "hours": officials * 24,
            "completed": completed,
            "not_completed": not_completed,
        },
        "by_country": list(by_country),
        "by_year": list(by_year),
    }


def test_public_figures_hide_small_counts_and_the_hours_that_would_reveal_them():
    shown = public_figures(raw(3, completed=3, not_completed=1))
    assert shown["officials"].suppressed
    assert shown["hours"].suppressed
    assert shown["completion_rate"] is None
    assert shown["countries"] == 3


def test_public_figures_show_large_counts():
    from django.utils import translation

    with translation.override("en"):  # hidden counts are listed by country name
        shown = public_figures(
            raw(
                40,
                by_country=[("JO", 30), ("MA", 3), ("EG", 2), ("", 5)],
                by_year=[(2025, 12), (2026, 3)],
            )
        )
    assert shown["officials"] == Shown(40)
    assert shown["hours"] == Shown(960)
    assert shown["completion_rate"] == 80
    countries = [(row["code"], row["shown"], row["width"]) for row in shown["by_country"]]
    # Unknown country left out; small counts hidden and given no bar.
    assert countries == [
        ("JO", Shown(30), 100.0),
        ("EG", Shown(None), 0.0),
        ("MA", Shown(None), 0.0),
    ]
    years = [(row["label"], row["shown"]) for row in shown["by_year"]]
    assert years == [("2025", Shown(12)), ("2026", Shown(None))]


def test_a_lone_hidden_count_is_not_given_away_by_the_total():
    shown = [Shown(30), Shown(None), Shown(12), Shown(0)]
    assert protect_remainder(shown) == [Shown(30), Shown(None), Shown(None), Shown(0)]
    two_hidden = [Shown(30), Shown(None), Shown(None)]
    assert protect_remainder(two_hidden) == two_hidden
    assert protect_remainder([Shown(None)]) == [Shown(None)]
    shown = public_figures(raw(40, by_country=[("JO", 30), ("EG", 8), ("MA", 2)]))
    assert [row["shown"].value for row in shown["by_country"]] == [30, None, None]

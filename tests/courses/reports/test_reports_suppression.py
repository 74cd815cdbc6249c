"""Small-count suppression, without the database."""

from courses.reports.impact import public_figures
from courses.reports.suppression import (
    HIDDEN_COUNT,
    HIDDEN_MEASURE,
    Shown,
    bar_widths,
    protect_remainder,
    protect_table,
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


def test_public_figures_hide_small_counts_but_not_the_hours():
    shown = public_figures(raw(3, completed=3, not_completed=1))
    assert shown["officials"].suppressed
    assert shown["hours"] == Shown(72)  # hours are not about people
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


# --- report tables for non-staff roles ----------------------------------------------------------

COUNTS = ["participants", "completed"]
MEASURES = {"pre_avg": ("pre_tested",), "rate": ("participants",)}


def test_a_table_hides_small_counts_and_the_measures_over_them():
    rows = [
        {"label": "A", "participants": 2, "completed": 0, "rate": 50.0, "hours": 48},
        {"label": "B", "participants": 9, "completed": 6, "rate": 66.7, "hours": 144},
    ]
    total = {"participants": 11, "completed": 6, "hours": 192}
    shown, shown_total = protect_table(rows, total, counts=COUNTS, measures=MEASURES)
    a, b = shown
    assert a == {
        "label": "A",
        "participants": HIDDEN_COUNT,
        "completed": 0,  # zero singles out nobody
        "rate": HIDDEN_MEASURE,  # over two people
        "hours": 48,  # not about people
    }
    # B's nine would give A's two away through the total of 11: hidden too, with its rate.
    assert b["participants"] == HIDDEN_COUNT and b["rate"] == HIDDEN_MEASURE
    assert b["completed"] == 6 and b["hours"] == 144
    assert shown_total == total
    assert rows[0]["participants"] == 2  # the input is left as it was


def test_a_small_total_is_hidden_and_needs_no_complement():
    rows = [{"participants": 3}, {"participants": 0}]
    shown, total = protect_table(rows, {"participants": 3}, counts=COUNTS, measures=MEASURES)
    assert [row["participants"] for row in shown] == [HIDDEN_COUNT, 0]
    assert total == {"participants": HIDDEN_COUNT}


def test_an_average_is_hidden_when_the_people_it_is_over_are_few():
    rows = [{"pre_tested": 1, "pre_avg": 40.0}, {"pre_tested": 12, "pre_avg": 55.0}]
    counts = ["pre_tested"]
    shown, _total = protect_table(rows, None, counts=counts, measures=MEASURES)
    assert shown == [
        {"pre_tested": HIDDEN_COUNT, "pre_avg": HIDDEN_MEASURE},
        {"pre_tested": 12, "pre_avg": 55.0},
    ]


def test_hidden_figures_read_as_such():
    from django.utils import translation

    with translation.override("fr"):
        assert str(HIDDEN_COUNT) == "moins de 5"
    with translation.override("en"):
        assert str(HIDDEN_MEASURE) == "hidden: fewer than 5 people"

"""The year's figures and chart data for the staff dashboard panel (three queries)."""

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce, ExtractMonth, ExtractYear
from django.utils.dates import MONTHS_3

from django_countries import countries

from .columns import COMPLETED, PARTICIPATED, people_counts, people_measures
from .measures import totals
from .suppression import Hidden, bar_widths, protect_table

TOP_COUNTRIES = 10


def year_summary(enrollments: QuerySet, year: int) -> dict:
    """Totals for runs starting in `year`, with the number of countries: one query."""
    return totals(
        enrollments.filter(run__start_date__year=year),
        countries=Count("user__trainee_profile__country", filter=PARTICIPATED, distinct=True),
    )


def trainees_per_country(enrollments: QuerySet, year: int, limit: int = TOP_COUNTRIES) -> list:
    """The countries with most trainees on runs starting in `year`: one query."""
    rows = list(
        enrollments.filter(PARTICIPATED, run__start_date__year=year)
        .order_by()
        .values("user__trainee_profile__country")
        .annotate(trainees=Count("user", distinct=True))
        .order_by("-trainees", "user__trainee_profile__country")[:limit]
    )
    widths = bar_widths([row["trainees"] for row in rows])
    return [
        {
            "code": row["user__trainee_profile__country"] or "",
            "name": countries.name(row["user__trainee_profile__country"] or "") or "—",
            "count": row["trainees"],
            "width": width,
        }
        for row, width in zip(rows, widths, strict=True)
    ]


def completions_per_month(enrollments: QuerySet, year: int) -> list:
    """Completions in each month of `year` (the completion date, else the run's end): one query."""
    month = Coalesce(ExtractMonth("completed_at"), ExtractMonth("run__end_date"))
    completed_year = Coalesce(ExtractYear("completed_at"), ExtractYear("run__end_date"))
    counts = dict(
        enrollments.filter(COMPLETED)
        .annotate(month=month, completed_year=completed_year)
        .filter(completed_year=year)
        .order_by()
        .values("month")
        .annotate(n=Count("pk"))
        .values_list("month", "n")
    )
    values = [counts.get(m, 0) for m in range(1, 13)]
    widths = bar_widths(values)
    return [
        {"month": m, "name": MONTHS_3[m], "count": v, "height": h}
        for m, v, h in zip(range(1, 13), values, widths, strict=True)
    ]


def hide_small_counts(summary: dict, per_country: list, per_month: list) -> tuple:
    """The panel's figures as a non-staff role may see them (the small-count rule). Pure.

    Each chart's bars are parts of a total the summary publishes (trainees, completions), so a
    lone hidden bar is protected as in a report table.
    """
    _rows, shown_summary = protect_table(
        [], summary, counts=people_counts(None), measures=people_measures(None)
    )
    charts = []
    for bars, key in ((per_country, "trainees"), (per_month, "completed")):
        rows, _total = protect_table(
            [{key: bar["count"]} for bar in bars], {key: summary[key]}, counts=[key], measures={}
        )
        counts = [row[key] for row in rows]
        widths = bar_widths([None if isinstance(c, Hidden) else c for c in counts])
        size = "width" if key == "trainees" else "height"
        charts.append(
            [
                {**bar, "count": count, size: width}
                for bar, count, width in zip(bars, counts, widths, strict=True)
            ]
        )
    return shown_summary, charts[0], charts[1]

"""The centre's public figures: aggregated, small counts suppressed, cached per language.

Computing them costs three queries; a cached page costs none of them. The cache is cleared when an
enrollment changes (see `courses.models.impact`) and expires after CACHE_TIMEOUT otherwise.

The impact page builds its context from this module: it (and `columns`) import the models they
read from their own modules, never the `courses.models` package that holds the page.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import get_language, override

from django_countries import countries

from ..models.enrollment import Enrollment
from .columns import COMPLETED, NOT_COMPLETED
from .suppression import Shown, bar_widths, protect_remainder, suppress, suppressed_rate

CACHE_TIMEOUT = 60 * 60
CACHE_PREFIX = "courses:impact"


def cache_key(language: str) -> str:
    return f"{CACHE_PREFIX}:{language}"


def invalidate() -> None:
    cache.delete_many([cache_key(code) for code, _name in settings.LANGUAGES])


def compute_figures() -> dict:
    """Raw (unsuppressed) figures over completed and not-completed enrollments: three queries."""
    results = Enrollment.objects.filter(COMPLETED | NOT_COMPLETED).order_by()
    done = results.filter(COMPLETED)
    head = results.aggregate(
        officials=Count("user", filter=COMPLETED, distinct=True),
        countries=Count("user__trainee_profile__country", filter=COMPLETED, distinct=True),
        courses=Count("run__course__translation_key", filter=COMPLETED, distinct=True),
        hours=Coalesce(Sum("run__course__hours", filter=COMPLETED), 0),
        completed=Count("pk", filter=COMPLETED),
        not_completed=Count("pk", filter=NOT_COMPLETED),
    )
    by_country = list(
        done.values("user__trainee_profile__country")
        .annotate(n=Count("user", distinct=True))
        .values_list("user__trainee_profile__country", "n")
    )
    by_year = list(
        done.annotate(year=ExtractYear("run__start_date"))
        .values("year")
        .annotate(n=Count("user", distinct=True))
        .order_by("year")
        .values_list("year", "n")
    )
    return {"head": head, "by_country": by_country, "by_year": by_year}


def public_figures(raw: dict) -> dict:
    """What the public may see: small counts suppressed, countries named, no people. Pure."""
    head = raw["head"]
    known = [(code, n) for code, n in raw["by_country"] if code]
    shown = [suppress(n) for _code, n in known]
    if not suppress(head["officials"]).suppressed:
        # The countries' counts add up to the number of officials, which is published.
        shown = protect_remainder(shown)
    country_rows = [(code, s) for (code, _n), s in zip(known, shown, strict=True)]
    country_rows.sort(key=lambda r: (-(r[1].value or 0), countries.name(r[0])))
    year_rows = [(year, suppress(n)) for year, n in raw["by_year"]]
    officials = suppress(head["officials"])
    return {
        "officials": officials,
        "countries": head["countries"] or 0,  # a number of countries singles out no one
        "courses": head["courses"] or 0,
        # Hours of training given are not about people: shown as they are.
        "hours": Shown(head["hours"] or 0),
        "completion_rate": suppressed_rate(
            head["completed"], (head["completed"] or 0) + (head["not_completed"] or 0)
        ),
        "by_country": _bars(
            [
                {"code": code, "label": countries.name(code), "shown": shown}
                for code, shown in country_rows
            ]
        ),
        "by_year": _bars([{"label": str(year), "shown": shown} for year, shown in year_rows]),
    }


def _bars(rows: list[dict]) -> list[dict]:
    for row, width in zip(rows, bar_widths([r["shown"].value for r in rows]), strict=True):
        row["width"] = width
    return rows


def figures_for(language: str | None = None) -> dict:
    """The public figures in `language`, from the cache when fresh."""
    language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
    key = cache_key(language)
    figures = cache.get(key)
    if figures is None:
        with override(language):
            figures = public_figures(compute_figures())
        cache.set(key, figures, CACHE_TIMEOUT)
    return figures

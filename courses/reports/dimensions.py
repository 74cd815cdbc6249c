"""Report dimensions: what a report table groups enrollments by, and how a row is labelled."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import F, Min, OuterRef, Subquery
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from ..choices import OrganisationType, Sex
from ..models import CoursePage, Topic


def _localized(model, key_path: str, field: str, language: str):
    """The `field` of the translation of `model` in `language`, matched on translation_key."""
    return Subquery(
        model.objects.filter(
            translation_key=OuterRef(key_path), locale__language_code=language
        ).values(field)[:1]
    )


def _not_stated() -> str:
    return str(_("Not stated"))


@dataclass(frozen=True)
class Dimension:
    key: str
    label: Any
    group: Callable[[str], dict]  # language -> expressions to group by (values())
    labels: Callable[[], dict]  # aggregates that only serve the row's label
    order_by: tuple[str, ...]
    describe: Callable[[dict], str]


def _run_label(row: dict) -> str:
    title = row.get("local_title") or row.get("course_title") or ""
    return f"{title} ({row['start_date']:%Y-%m-%d})"


def _choice_label(choices):
    def describe(row: dict) -> str:
        value = row.get("value")
        return str(choices(value).label) if value in choices.values else _not_stated()

    return describe


DIMENSIONS: dict[str, Dimension] = {
    dimension.key: dimension
    for dimension in (
        Dimension(
            "run",
            _("Course run"),
            lambda lang: {
                "run_pk": F("run_id"),
                "run_public_id": F("run__public_id"),
                "start_date": F("run__start_date"),
                "end_date": F("run__end_date"),
                "course_key": F("run__course__translation_key"),
                "course_title": F("run__course__title"),
                "local_title": _localized(
                    CoursePage, "run__course__translation_key", "title", lang
                ),
            },
            dict,
            ("-start_date", "run_pk"),
            _run_label,
        ),
        Dimension(
            "course",
            _("Course"),
            lambda lang: {
                "value": F("run__course__translation_key"),
                "local_title": _localized(
                    CoursePage, "run__course__translation_key", "title", lang
                ),
            },
            lambda: {"fallback": Min("run__course__title")},
            ("local_title", "value"),
            lambda row: row.get("local_title") or row.get("fallback") or "",
        ),
        Dimension(
            "topic",
            _("Topic"),
            lambda lang: {
                "value": F("run__course__topic__translation_key"),
                "local_name": _localized(
                    Topic, "run__course__topic__translation_key", "name", lang
                ),
            },
            lambda: {"fallback": Min("run__course__topic__name")},
            ("local_name", "value"),
            lambda row: row.get("local_name") or row.get("fallback") or str(_("No topic")),
        ),
        Dimension(
            "country",
            _("Country"),
            lambda lang: {"value": F("user__trainee_profile__country")},
            dict,
            ("value",),
            lambda row: countries.name(row["value"]) if row.get("value") else _not_stated(),
        ),
        Dimension(
            "organisation_type",
            _("Type of organisation"),
            lambda lang: {"value": F("user__trainee_profile__organisation_type")},
            dict,
            ("value",),
            _choice_label(OrganisationType),
        ),
        Dimension(
            "sex",
            _("Sex"),
            lambda lang: {"value": F("user__trainee_profile__sex")},
            dict,
            ("value",),
            _choice_label(Sex),
        ),
        Dimension(
            "year",
            _("Year"),
            lambda lang: {"value": ExtractYear("run__start_date")},
            dict,
            ("-value",),
            lambda row: str(row["value"]),
        ),
    )
}

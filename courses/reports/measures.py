"""Report columns (a registry) and grouping dimensions; each report table is one query.

A column is either an aggregate over enrollment rows (`aggregate`, evaluated in the database in
the same GROUP BY query) or derived from the row's other figures (`compute`, a pure function of
the aggregated row). Other areas add their figures with `register_column()`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Exists, F, Max, Min, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from django_countries import countries

from ..choices import EnrollmentStatus, OrganisationType, Sex
from ..models import CoursePage, Session, Topic

# A trainee took part in a run: they held a seat, whatever the result.
PARTICIPANT_STATUSES = (
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.COMPLETED,
    EnrollmentStatus.NOT_COMPLETED,
)
PARTICIPATED = Q(status__in=PARTICIPANT_STATUSES)
COMPLETED = Q(status=EnrollmentStatus.COMPLETED)
NOT_COMPLETED = Q(status=EnrollmentStatus.NOT_COMPLETED)


@dataclass(frozen=True)
class ReportColumn:
    key: str
    label: Any
    order: int
    aggregate: Callable[[], Any] | None = None
    compute: Callable[[dict], Any] | None = None
    dimensions: frozenset[str] | None = None  # None: every report and the totals
    is_rate: bool = False

    def applies_to(self, dimension: str | None) -> bool:
        if self.dimensions is None:
            return True
        return dimension is not None and dimension in self.dimensions


COLUMNS: dict[str, ReportColumn] = {}


def register_column(column: ReportColumn) -> ReportColumn:
    COLUMNS[column.key] = column
    return column


def columns_for(dimension: str | None) -> list[ReportColumn]:
    """The columns of one report (`None`: the totals), in display order."""
    return sorted((c for c in COLUMNS.values() if c.applies_to(dimension)), key=lambda c: c.order)


def completion_rate(row: dict) -> float | None:
    """Completed out of those whose result is known (completed or not completed), in %."""
    decided = (row.get("completed") or 0) + (row.get("not_completed") or 0)
    if not decided:
        return None
    return round(100 * (row.get("completed") or 0) / decided, 1)


register_column(ReportColumn("applications", _("Applications"), 10, aggregate=lambda: Count("pk")))
register_column(
    ReportColumn(
        "participants", _("Participants"), 20, aggregate=lambda: Count("pk", filter=PARTICIPATED)
    )
)
register_column(
    ReportColumn(
        "trainees",
        _("Trainees"),
        30,
        aggregate=lambda: Count("user", filter=PARTICIPATED, distinct=True),
    )
)
register_column(
    ReportColumn("completed", _("Completed"), 40, aggregate=lambda: Count("pk", filter=COMPLETED))
)
register_column(
    ReportColumn(
        "not_completed",
        _("Not completed"),
        50,
        aggregate=lambda: Count("pk", filter=NOT_COMPLETED),
    )
)
register_column(
    ReportColumn(
        "completion_rate", _("Completion rate (%)"), 60, compute=completion_rate, is_rate=True
    )
)
register_column(
    ReportColumn(
        "training_hours",
        _("Training hours completed"),
        70,
        aggregate=lambda: Coalesce(Sum("run__course__hours", filter=COMPLETED), 0),
    )
)


# --- dimensions -------------------------------------------------------------------------------


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


# --- figures from learning and certificates ---------------------------------------------------


def _valid_certificate():
    from certificates.choices import CertificateStatus
    from certificates.models import Certificate

    return Exists(
        Certificate.objects.filter(enrollment=OuterRef("pk"), status=CertificateStatus.VALID)
    )


def _score(kind: str):
    """The enrollment's score in a test: the first pre-test attempt, the best post-test one."""
    from ..choices import AssessmentKind
    from ..models import Attempt

    attempts = Attempt.objects.filter(enrollment=OuterRef("pk"), kind=kind, score__isnull=False)
    if kind == AssessmentKind.PRE_TEST:
        attempts = attempts.order_by("number")
    else:
        attempts = attempts.order_by("-score")
    return Subquery(attempts.values("score")[:1])


def _attended():
    from ..choices import AttendanceStatus
    from ..models import Attendance

    return Subquery(
        Attendance.objects.filter(enrollment=OuterRef("pk"), status=AttendanceStatus.PRESENT)
        .order_by()
        .values("enrollment")
        .annotate(n=Count("pk"))
        .values("n")[:1]
    )


def knowledge_gain(row: dict):
    if row.get("pre_avg") is None or row.get("post_avg") is None:
        return None
    return round(row["post_avg"] - row["pre_avg"], 1)


def attendance_rate(row: dict):
    sessions = row.get("sessions") or 0
    participants = row.get("participants") or 0
    if not sessions or not participants:
        return None
    return round(100 * (row.get("attended") or 0) / (participants * sessions), 1)


RUN_ONLY = frozenset({"run"})
register_column(
    ReportColumn(
        "certificates",
        _("Certificates issued"),
        80,
        aggregate=lambda: Count("pk", filter=Q(_valid_certificate())),
    )
)
register_column(
    ReportColumn(
        "pre_avg",
        _("Pre-test average (%)"),
        90,
        dimensions=RUN_ONLY,
        aggregate=lambda: Avg(_score("pre")),
    )
)
register_column(
    ReportColumn(
        "post_avg",
        _("Post-test average (%)"),
        91,
        dimensions=RUN_ONLY,
        aggregate=lambda: Avg(_score("post")),
    )
)
register_column(
    ReportColumn(
        "knowledge_gain",
        _("Knowledge gain (points)"),
        92,
        dimensions=RUN_ONLY,
        compute=knowledge_gain,
    )
)
register_column(
    ReportColumn(
        "sessions",
        _("Sessions"),
        93,
        dimensions=RUN_ONLY,
        aggregate=lambda: Max(
            Subquery(
                Session.objects.filter(run=OuterRef("run"))
                .order_by()
                .values("run")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            )
        ),
    )
)
register_column(
    ReportColumn(
        "attended",
        _("Sessions attended"),
        94,
        dimensions=RUN_ONLY,
        aggregate=lambda: Coalesce(Sum(_attended()), 0),
    )
)
register_column(
    ReportColumn(
        "attendance_rate",
        _("Attendance rate (%)"),
        95,
        dimensions=RUN_ONLY,
        compute=attendance_rate,
        is_rate=True,
    )
)

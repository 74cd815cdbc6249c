"""Report columns: a registry of the figures each report table shows.

A column is either an aggregate over enrollment rows (`aggregate`, evaluated in the database in
the same GROUP BY query) or derived from the row's other figures (`compute`, a pure function of
the aggregated row). Other areas add their figures with `register_column()`.

Each column also says what it is about, for the small-count rule (`suppression.protect_table`)
that non-staff roles see reports under: a count of people (the default), a measure computed
over counts of people (`over`: an average, a rate, a sum of attendances), or a figure that is
not about people (`about_people=False`: training hours, sessions).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Exists, Max, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from certificates.choices import CertificateStatus
from certificates.models import Certificate

from ..choices import AssessmentKind, AttendanceStatus, EnrollmentStatus
from ..models.learning import Attempt, Attendance
from ..models.runs import Session

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
    about_people: bool = True
    over: tuple[str, ...] = ()  # a measure: the counts of people it is computed over

    @property
    def counts_people(self) -> bool:
        return self.about_people and not self.over

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


def people_counts(dimension: str | None) -> list[str]:
    """The keys of the columns of a report that count people."""
    return [c.key for c in columns_for(dimension) if c.counts_people]


def people_measures(dimension: str | None) -> dict[str, tuple[str, ...]]:
    """The measures of a report, each with the counts of people it is computed over."""
    return {c.key: c.over for c in columns_for(dimension) if c.about_people and c.over}


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
        "completion_rate",
        _("Completion rate (%)"),
        60,
        compute=completion_rate,
        is_rate=True,
        over=("completed", "not_completed"),
    )
)
register_column(
    ReportColumn(
        "training_hours",
        _("Training hours completed"),
        70,
        aggregate=lambda: Coalesce(Sum("run__course__hours", filter=COMPLETED), 0),
        about_people=False,  # hours of training given, shown as they are (issue 15)
    )
)

# --- figures from learning and certificates ---------------------------------------------------


def _valid_certificate():
    return Exists(
        Certificate.objects.filter(enrollment=OuterRef("pk"), status=CertificateStatus.VALID)
    )


def _scored_attempts(kind: str):
    return Attempt.objects.filter(enrollment=OuterRef("pk"), kind=kind, score__isnull=False)


def _score(kind: str):
    """The enrollment's score in a test: the first pre-test attempt, the best post-test one."""
    attempts = _scored_attempts(kind)
    if kind == AssessmentKind.PRE_TEST:
        attempts = attempts.order_by("number")
    else:
        attempts = attempts.order_by("-score")
    return Subquery(attempts.values("score")[:1])


def _attended():
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
        "pre_tested",
        _("Pre-tests taken"),
        88,
        dimensions=RUN_ONLY,
        aggregate=lambda: Count("pk", filter=Q(Exists(_scored_attempts("pre")))),
    )
)
register_column(
    ReportColumn(
        "pre_avg",
        _("Pre-test average (%)"),
        89,
        dimensions=RUN_ONLY,
        aggregate=lambda: Avg(_score("pre")),
        over=("pre_tested",),
    )
)
register_column(
    ReportColumn(
        "post_tested",
        _("Post-tests taken"),
        90,
        dimensions=RUN_ONLY,
        aggregate=lambda: Count("pk", filter=Q(Exists(_scored_attempts("post")))),
    )
)
register_column(
    ReportColumn(
        "post_avg",
        _("Post-test average (%)"),
        91,
        dimensions=RUN_ONLY,
        aggregate=lambda: Avg(_score("post")),
        over=("post_tested",),
    )
)
register_column(
    ReportColumn(
        "knowledge_gain",
        _("Knowledge gain (points)"),
        92,
        dimensions=RUN_ONLY,
        compute=knowledge_gain,
        over=("pre_tested", "post_tested"),
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
        about_people=False,  # the run's sessions
    )
)
register_column(
    ReportColumn(
        "attended",
        _("Sessions attended"),
        94,
        dimensions=RUN_ONLY,
        aggregate=lambda: Coalesce(Sum(_attended()), 0),
        over=("participants",),
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
        over=("participants",),
    )
)

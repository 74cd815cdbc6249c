"""Who gets a place: pure functions over plain data, tested without the database."""

from dataclasses import dataclass
from enum import StrEnum

from ..choices import SEAT_HOLDING_STATUSES, AdmissionPolicy, EnrollmentStatus, RunStatus


class Refusal(StrEnum):
    CANCELLED = "cancelled"
    NOT_SCHEDULED = "not_scheduled"
    WINDOW_CLOSED = "window_closed"
    INVITATION_ONLY = "invitation_only"


@dataclass(frozen=True)
class AdmissionFacts:
    policy: str
    run_status: str
    window_open: bool
    seats_left: int
    country_seats_left: int | None = None  # None: the run has no quota per country
    invited: bool = False  # a nomination or staff invitation was accepted


@dataclass(frozen=True)
class Admission:
    status: EnrollmentStatus | None = None
    refusal: Refusal | None = None

    @property
    def admitted(self) -> bool:
        return self.refusal is None


def decide_admission(facts: AdmissionFacts) -> Admission:
    """The status a new application gets, or why it is refused.

    Invited people skip the approval step and the enrollment window (staff or a focal point chose
    them), but never the seat count: a full run puts them on the waiting list.
    """
    if facts.run_status == RunStatus.CANCELLED:
        return Admission(refusal=Refusal.CANCELLED)
    if facts.run_status != RunStatus.SCHEDULED:
        return Admission(refusal=Refusal.NOT_SCHEDULED)
    if not facts.invited:
        if not facts.window_open:
            return Admission(refusal=Refusal.WINDOW_CLOSED)
        if facts.policy == AdmissionPolicy.INVITATION:
            return Admission(refusal=Refusal.INVITATION_ONLY)
        if facts.policy == AdmissionPolicy.APPROVAL:
            return Admission(status=EnrollmentStatus.PENDING)
    if has_seat(facts.seats_left, facts.country_seats_left):
        return Admission(status=EnrollmentStatus.ENROLLED)
    return Admission(status=EnrollmentStatus.WAITLISTED)


def has_seat(seats_left: int, country_seats_left: int | None) -> bool:
    return seats_left > 0 and (country_seats_left is None or country_seats_left > 0)


# Every legal move of an enrollment's status, from -> to; anything else is refused. Staff and
# trainees decide (courses.services.enrollment.change_status), the run's rules or a staff
# override decide completion (courses.services.completion), and an application or an accepted
# invitation re-opens an ended one (ADMISSION_FROM). courses.services.enrollment.transition is
# the one writer, and it writes only the moves this table allows.
TRANSITIONS: dict[str, frozenset[str]] = {
    EnrollmentStatus.PENDING: frozenset(
        {
            EnrollmentStatus.ENROLLED,
            EnrollmentStatus.WAITLISTED,
            EnrollmentStatus.DECLINED,
            EnrollmentStatus.WITHDRAWN,
        }
    ),
    EnrollmentStatus.INVITED: frozenset(
        {
            EnrollmentStatus.ENROLLED,
            EnrollmentStatus.WAITLISTED,
            EnrollmentStatus.PENDING,
            EnrollmentStatus.DECLINED,
            EnrollmentStatus.WITHDRAWN,
        }
    ),
    EnrollmentStatus.WAITLISTED: frozenset(
        {EnrollmentStatus.ENROLLED, EnrollmentStatus.DECLINED, EnrollmentStatus.WITHDRAWN}
    ),
    EnrollmentStatus.ENROLLED: frozenset(
        {
            EnrollmentStatus.COMPLETED,
            EnrollmentStatus.NOT_COMPLETED,
            EnrollmentStatus.DECLINED,
            EnrollmentStatus.WITHDRAWN,
        }
    ),
    EnrollmentStatus.NOT_COMPLETED: frozenset({EnrollmentStatus.COMPLETED}),
    EnrollmentStatus.COMPLETED: frozenset({EnrollmentStatus.NOT_COMPLETED}),
    EnrollmentStatus.WITHDRAWN: frozenset(),
    EnrollmentStatus.DECLINED: frozenset(),
}

# Ended applications that a person may start again by applying anew.
REAPPLY_FROM = frozenset({EnrollmentStatus.WITHDRAWN})
# What an application or an accepted invitation can give (decide_admission).
ADMISSION_OUTCOMES = frozenset(
    {EnrollmentStatus.PENDING, EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED}
)
# Where an application or an accepted invitation may start from: no enrollment yet (""), an
# ended application, or an open invitation.
ADMISSION_FROM = frozenset({"", *REAPPLY_FROM, EnrollmentStatus.INVITED})


def can_transition(from_status: str, to_status: str, *, admission: bool = False) -> bool:
    """Whether the table allows the move; `admission`: it is the outcome of an application or
    of an accepted invitation (decide_admission), which may also start an enrollment anew."""
    if admission and from_status in ADMISSION_FROM and to_status in ADMISSION_OUTCOMES:
        return True
    return to_status in TRANSITIONS.get(from_status, frozenset())


def needs_seat(from_status: str, to_status: str) -> bool:
    """The guard of a move onto the run: entering it from a status that holds no seat needs one."""
    return to_status == EnrollmentStatus.ENROLLED and from_status not in SEAT_HOLDING_STATUSES


def waitlist_order(
    candidates: list[tuple[int, str | None]],
    seats_left: int,
    country_seats_left: dict[str, int] | None,
) -> list[int]:
    """Which waitlisted people get the freed seats, first come first served.

    `candidates` are (enrollment id, country) in waiting-list order; `country_seats_left` maps a
    country to its remaining quota, or is None when the run has no quota. People whose country
    is full are passed over (they keep their place in the queue).
    """
    promoted: list[int] = []
    remaining = dict(country_seats_left or {})
    for enrollment_id, country in candidates:
        if seats_left <= 0:
            break
        if country_seats_left is not None:
            if remaining.get(country or "", 0) <= 0:
                continue
            remaining[country or ""] -= 1
        promoted.append(enrollment_id)
        seats_left -= 1
    return promoted

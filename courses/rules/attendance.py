"""Attendance: the percentage attended, and who may record a mark when. Pure functions."""

import datetime as dt
import enum
from collections.abc import Iterable

from ..choices import AttendanceStatus


def attendance_percent(statuses: Iterable[str | None], *, sessions: int) -> int | None:
    """Share of a run's sessions attended, in percent (rounded down).

    `statuses` are the recorded marks of one trainee (missing sessions are simply not listed or
    None). Excused absences leave the count: 3 present out of 5 sessions with 1 excused is 75%.
    Sessions not yet marked count as not attended. None when the run has no sessions to attend.
    """
    marks = [status for status in statuses if status]
    present = sum(1 for status in marks if status == AttendanceStatus.PRESENT)
    excused = sum(1 for status in marks if status == AttendanceStatus.EXCUSED)
    expected = sessions - excused
    if sessions <= 0:
        return None
    if expected <= 0:
        return 100
    return min(100, 100 * present // expected)


class Refusal(enum.Enum):
    """Why a mark (attendance, or a completion decision) may not be recorded."""

    NOT_STARTED = "not_started"  # the session (or the run) has not begun yet
    NOT_THEIRS = "not_theirs"  # the recorder neither teaches the run nor is staff
    OWN_ENROLLMENT = "own_enrollment"  # the mark is about the recorder's own place


def session_open(*, starts_at: dt.datetime, now: dt.datetime) -> bool:
    """A roll call opens when its session starts: nobody can be present at what has not begun."""
    return starts_at <= now


def recording_refusal(
    *, starts_at: dt.datetime, now: dt.datetime, teaches: bool, staff: bool, about_self: bool
) -> Refusal | None:
    """Why `recorder` may not record a trainee's attendance for a session, or None if they may.

    `teaches`: the recorder is assigned to the run's course; `staff`: they are centre staff;
    `about_self`: the trainee's enrollment is the recorder's own (an instructor who is also on
    the run). Nobody marks their own attendance, staff included.
    """
    if not (teaches or staff):
        return Refusal.NOT_THEIRS
    if about_self:
        return Refusal.OWN_ENROLLMENT
    if not session_open(starts_at=starts_at, now=now):
        return Refusal.NOT_STARTED
    return None


def may_record(
    *, starts_at: dt.datetime, now: dt.datetime, teaches: bool, staff: bool, about_self: bool
) -> bool:
    return (
        recording_refusal(
            starts_at=starts_at, now=now, teaches=teaches, staff=staff, about_self=about_self
        )
        is None
    )


def override_refusal(
    *, run_start: dt.date, today: dt.date, staff: bool, about_self: bool
) -> Refusal | None:
    """Why a completion decision against the rules may not be taken, or None if it may: only
    staff take it, never about their own enrollment, and not before the run has begun."""
    if not staff:
        return Refusal.NOT_THEIRS
    if about_self:
        return Refusal.OWN_ENROLLMENT
    if run_start > today:
        return Refusal.NOT_STARTED
    return None

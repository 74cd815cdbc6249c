"""Attendance percentage: a pure function over plain data."""

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

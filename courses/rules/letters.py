"""Invitation letters: what a letter's check page says about it now. Pure, no database.

A letter states that a trainee is admitted to a run on given dates. It stays valid while the
trainee holds (or held) a place and the run takes place on those dates; it outlives its reason
when the trainee withdraws or loses the place, when the run is cancelled, or when the run is
moved to other dates.
"""

import datetime as dt

from ..choices import EnrollmentStatus, LetterStatus, RunStatus

# The trainee holds a place, or held one on a run that has taken place.
ADMITTED = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED, EnrollmentStatus.NOT_COMPLETED)


def letter_status(
    *,
    enrollment_status: str,
    run_status: str,
    stated_dates: tuple[dt.date, dt.date],
    run_dates: tuple[dt.date, dt.date],
) -> LetterStatus:
    """The live status of a letter that states `stated_dates` for a run now on `run_dates`."""
    if run_status == RunStatus.CANCELLED:
        return LetterStatus.RUN_CANCELLED
    if enrollment_status == EnrollmentStatus.WITHDRAWN:
        return LetterStatus.WITHDRAWN
    if enrollment_status not in ADMITTED:
        return LetterStatus.NO_PLACE
    if tuple(stated_dates) != tuple(run_dates):
        return LetterStatus.RESCHEDULED
    return LetterStatus.VALID

"""The live status of an invitation letter: a pure rule, no database."""

import datetime as dt

import pytest

from courses.choices import EnrollmentStatus as E
from courses.choices import LetterStatus as L
from courses.choices import RunStatus as R
from courses.rules.letters import letter_status

DATES = (dt.date(2026, 5, 4), dt.date(2026, 5, 8))
MOVED = (dt.date(2026, 6, 1), dt.date(2026, 6, 5))


@pytest.mark.parametrize(
    ("enrollment", "run", "run_dates", "expected"),
    [
        (E.ENROLLED, R.SCHEDULED, DATES, L.VALID),
        (E.ENROLLED, R.RUNNING, DATES, L.VALID),
        (E.COMPLETED, R.FINISHED, DATES, L.VALID),
        (E.NOT_COMPLETED, R.FINISHED, DATES, L.VALID),  # they came: the letter was true
        (E.WITHDRAWN, R.SCHEDULED, DATES, L.WITHDRAWN),
        (E.DECLINED, R.SCHEDULED, DATES, L.NO_PLACE),
        (E.WAITLISTED, R.SCHEDULED, DATES, L.NO_PLACE),
        (E.ENROLLED, R.CANCELLED, DATES, L.RUN_CANCELLED),
        (E.WITHDRAWN, R.CANCELLED, DATES, L.RUN_CANCELLED),  # the run's fate first
        (E.ENROLLED, R.SCHEDULED, MOVED, L.RESCHEDULED),
        (E.ENROLLED, R.SCHEDULED, (DATES[0], MOVED[1]), L.RESCHEDULED),
        (E.WITHDRAWN, R.SCHEDULED, MOVED, L.WITHDRAWN),
    ],
)
def test_letter_status(enrollment, run, run_dates, expected):
    status = letter_status(
        enrollment_status=enrollment, run_status=run, stated_dates=DATES, run_dates=run_dates
    )
    assert status == expected

"""The pure rules of who may record a mark when, and of what a test's result page may show.
No database: plain values in, a decision out."""

import datetime as dt

import pytest

from courses.choices import ReviewPolicy
from courses.rules.assessment import Review, review
from courses.rules.attendance import (
    Refusal,
    may_record,
    override_refusal,
    recording_refusal,
    session_open,
)

NOW = dt.datetime(2026, 5, 4, 10, 0, tzinfo=dt.UTC)
BEGUN = NOW - dt.timedelta(hours=1)
LATER = NOW + dt.timedelta(days=1)
TODAY = NOW.date()


def refusal(*, starts_at=BEGUN, teaches=True, staff=False, about_self=False):
    return recording_refusal(
        starts_at=starts_at, now=NOW, teaches=teaches, staff=staff, about_self=about_self
    )


def test_a_session_opens_when_it_begins():
    assert session_open(starts_at=NOW, now=NOW) is True
    assert session_open(starts_at=BEGUN, now=NOW) is True
    assert session_open(starts_at=NOW + dt.timedelta(seconds=1), now=NOW) is False


def test_the_runs_instructor_and_staff_record_a_begun_session():
    assert refusal() is None
    assert refusal(teaches=False, staff=True) is None
    assert may_record(starts_at=BEGUN, now=NOW, teaches=True, staff=False, about_self=False)


def test_nobody_records_a_session_that_has_not_begun():
    assert refusal(starts_at=LATER) is Refusal.NOT_STARTED
    assert refusal(starts_at=LATER, teaches=False, staff=True) is Refusal.NOT_STARTED
    assert not may_record(starts_at=LATER, now=NOW, teaches=True, staff=True, about_self=False)


def test_only_the_runs_instructors_and_staff_record():
    assert refusal(teaches=False, staff=False) is Refusal.NOT_THEIRS


@pytest.mark.parametrize(("teaches", "staff"), [(True, False), (False, True), (True, True)])
def test_nobody_records_their_own_place(teaches, staff):
    assert refusal(teaches=teaches, staff=staff, about_self=True) is Refusal.OWN_ENROLLMENT


@pytest.mark.parametrize(
    ("run_start", "staff", "about_self", "expected"),
    [
        (TODAY, True, False, None),
        (TODAY - dt.timedelta(days=30), True, False, None),
        (TODAY + dt.timedelta(days=1), True, False, Refusal.NOT_STARTED),
        (TODAY, False, False, Refusal.NOT_THEIRS),  # instructors do not override completion
        (TODAY, True, True, Refusal.OWN_ENROLLMENT),
    ],
)
def test_completion_overrides(run_start, staff, about_self, expected):
    assert (
        override_refusal(run_start=run_start, today=TODAY, staff=staff, about_self=about_self)
        is expected
    )


# --- what a result page may show ---------------------------------------------------------------

HIDDEN = Review(right_or_wrong=True, correct_answers=False)
SHOWN = Review(right_or_wrong=True, correct_answers=True)


@pytest.mark.parametrize("policy", list(ReviewPolicy))
def test_no_policy_shows_the_answers_while_attempts_remain(policy):
    assert review(policy, attempts_used=1, max_attempts=3, passed=False) == HIDDEN


@pytest.mark.parametrize(
    ("policy", "attempts_used", "passed", "expected"),
    [
        (ReviewPolicy.RIGHT_WRONG_THEN_ANSWERS, 3, False, SHOWN),  # the last attempt is used
        (ReviewPolicy.RIGHT_WRONG_THEN_ANSWERS, 1, True, SHOWN),  # passed
        (ReviewPolicy.AFTER_PASSING, 3, False, HIDDEN),  # failed for good: still not shown
        (ReviewPolicy.AFTER_PASSING, 2, True, SHOWN),
        (ReviewPolicy.NEVER, 3, False, HIDDEN),
        (ReviewPolicy.NEVER, 1, True, HIDDEN),
        ("something-else", 3, True, HIDDEN),  # an unknown policy shows the least
    ],
)
def test_when_the_answers_are_shown(policy, attempts_used, passed, expected):
    assert review(policy, attempts_used=attempts_used, max_attempts=3, passed=passed) == expected


def test_may_record_follows_every_fact_of_the_refusal():
    """`may_record` passes each fact on: staff who do not teach the run may record, nobody may
    record about their own place."""
    assert may_record(starts_at=BEGUN, now=NOW, teaches=False, staff=True, about_self=False)
    assert not may_record(starts_at=BEGUN, now=NOW, teaches=True, staff=True, about_self=True)
    assert not may_record(starts_at=LATER, now=NOW, teaches=True, staff=False, about_self=False)

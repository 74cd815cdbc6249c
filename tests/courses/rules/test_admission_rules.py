"""The admission rules, without the database."""

import pytest

from courses.choices import AdmissionPolicy, EnrollmentStatus, RunStatus
from courses.rules.admission import (
    AdmissionFacts,
    Refusal,
    can_transition,
    decide_admission,
    has_seat,
    waitlist_order,
)


def facts(**overrides):
    base = {
        "policy": AdmissionPolicy.OPEN,
        "run_status": RunStatus.SCHEDULED,
        "window_open": True,
        "seats_left": 3,
    }
    return AdmissionFacts(**{**base, **overrides})


@pytest.mark.parametrize(
    ("overrides", "status"),
    [
        ({}, EnrollmentStatus.ENROLLED),
        ({"seats_left": 0}, EnrollmentStatus.WAITLISTED),
        ({"country_seats_left": 0}, EnrollmentStatus.WAITLISTED),
        ({"country_seats_left": 1}, EnrollmentStatus.ENROLLED),
        ({"policy": AdmissionPolicy.APPROVAL}, EnrollmentStatus.PENDING),
        ({"policy": AdmissionPolicy.APPROVAL, "seats_left": 0}, EnrollmentStatus.PENDING),
        ({"policy": AdmissionPolicy.INVITATION, "invited": True}, EnrollmentStatus.ENROLLED),
        ({"policy": AdmissionPolicy.APPROVAL, "invited": True}, EnrollmentStatus.ENROLLED),
        ({"invited": True, "window_open": False}, EnrollmentStatus.ENROLLED),
        ({"invited": True, "seats_left": 0}, EnrollmentStatus.WAITLISTED),
    ],
)
def test_admission_status(overrides, status):
    decision = decide_admission(facts(**overrides))
    assert decision.admitted
    assert decision.status == status


@pytest.mark.parametrize(
    ("overrides", "refusal"),
    [
        ({"run_status": RunStatus.CANCELLED}, Refusal.CANCELLED),
        ({"run_status": RunStatus.CANCELLED, "invited": True}, Refusal.CANCELLED),
        ({"run_status": RunStatus.RUNNING}, Refusal.NOT_SCHEDULED),
        ({"run_status": RunStatus.FINISHED, "invited": True}, Refusal.NOT_SCHEDULED),
        ({"window_open": False}, Refusal.WINDOW_CLOSED),
        ({"policy": AdmissionPolicy.INVITATION}, Refusal.INVITATION_ONLY),
    ],
)
def test_admission_refusals(overrides, refusal):
    decision = decide_admission(facts(**overrides))
    assert not decision.admitted
    assert decision.refusal == refusal


def test_transitions():
    assert can_transition(EnrollmentStatus.PENDING, EnrollmentStatus.ENROLLED)
    assert can_transition(EnrollmentStatus.WAITLISTED, EnrollmentStatus.ENROLLED)
    assert can_transition(EnrollmentStatus.ENROLLED, EnrollmentStatus.WITHDRAWN)
    assert not can_transition(EnrollmentStatus.WITHDRAWN, EnrollmentStatus.ENROLLED)
    assert not can_transition(EnrollmentStatus.DECLINED, EnrollmentStatus.ENROLLED)
    assert not can_transition(EnrollmentStatus.PENDING, EnrollmentStatus.COMPLETED)


def test_waitlist_order_is_first_come_first_served():
    assert waitlist_order([(5, "JO"), (3, "EG"), (9, "JO")], 2, None) == [5, 3]


def test_waitlist_order_passes_over_full_countries():
    queue = [(1, "JO"), (2, "JO"), (3, "EG")]
    assert waitlist_order(queue, 2, {"JO": 1, "EG": 1}) == [1, 3]
    assert waitlist_order(queue, 5, {"JO": 0, "EG": 0}) == []


# --- the exact edges (each of these failed a mutant of the rule that the tests above let live)


def test_the_last_seat_is_a_seat():
    assert has_seat(1, None)
    assert has_seat(1, 1)
    assert not has_seat(0, None)
    assert not has_seat(1, 0)
    assert decide_admission(facts(seats_left=1)).status == EnrollmentStatus.ENROLLED


def test_a_status_outside_the_table_may_go_nowhere():
    assert not can_transition("archived", EnrollmentStatus.ENROLLED)
    assert not can_transition("", EnrollmentStatus.PENDING)


def test_a_country_without_a_quota_entry_is_passed_over():
    assert waitlist_order([(1, "EG"), (2, "JO")], 5, {"JO": 1}) == [2]


def test_people_without_a_country_share_the_quota_kept_under_no_country():
    # The enrollment service counts people with no country in their profile under "".
    assert waitlist_order([(1, None), (2, None), (3, "JO")], 5, {"": 1, "JO": 1}) == [1, 3]


def test_each_promotion_takes_one_seat_of_the_countrys_quota():
    assert waitlist_order([(1, "JO"), (2, "JO"), (3, "JO")], 5, {"JO": 2}) == [1, 2]

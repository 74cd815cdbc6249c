"""The enrollment transition table and its seat guard: pure rules, no database."""

from courses.choices import EnrollmentStatus
from courses.rules.admission import TRANSITIONS, can_transition, needs_seat

S = EnrollmentStatus


def test_the_table_allows_only_its_moves():
    for source in S.values:
        for target in S.values:
            assert can_transition(source, target) == (target in TRANSITIONS[source])


def test_an_application_may_start_or_reopen_an_enrollment_but_not_jump_to_completion():
    for source in ("", S.WITHDRAWN, S.INVITED):
        for target in (S.PENDING, S.ENROLLED, S.WAITLISTED):
            assert can_transition(source, target, admission=True)
        assert not can_transition(source, S.COMPLETED, admission=True)
    assert not can_transition(S.DECLINED, S.ENROLLED, admission=True)
    assert not can_transition(S.WITHDRAWN, S.ENROLLED)  # only by applying again


def test_only_entering_the_run_needs_a_seat():
    assert needs_seat(S.WAITLISTED, S.ENROLLED)
    assert needs_seat("", S.ENROLLED)
    assert not needs_seat(S.ENROLLED, S.COMPLETED)
    assert not needs_seat(S.NOT_COMPLETED, S.COMPLETED)
    assert not needs_seat(S.PENDING, S.WAITLISTED)


def test_only_an_application_or_an_accepted_invitation_starts_an_enrollment():
    assert not can_transition("", S.PENDING)
    assert not can_transition("", S.ENROLLED)
    assert can_transition(S.INVITED, S.PENDING, admission=True)
    assert not can_transition(S.ENROLLED, S.PENDING, admission=True)
    assert not can_transition(S.WITHDRAWN, S.DECLINED, admission=True)


def test_a_status_the_table_does_not_know_allows_no_move():
    assert not can_transition("archived", S.ENROLLED)
    assert not can_transition("archived", S.ENROLLED, admission=True)


def test_the_table_reads_as_the_centre_works():
    assert TRANSITIONS[S.ENROLLED] >= {S.COMPLETED, S.NOT_COMPLETED, S.WITHDRAWN}
    assert TRANSITIONS[S.COMPLETED] == {S.NOT_COMPLETED}  # only a staff override takes it back
    assert TRANSITIONS[S.WITHDRAWN] == TRANSITIONS[S.DECLINED] == frozenset()

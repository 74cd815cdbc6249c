"""Seats left on a run and for a country: pure arithmetic over counts."""

from courses.rules.quotas import country_seats_left, seats_left


def test_seats_left_counts_down_to_the_last_seat_and_never_below_zero():
    assert seats_left(20, 0) == 20
    assert seats_left(20, 19) == 1  # the last seat is still a seat
    assert seats_left(20, 20) == 0
    assert seats_left(10, 12) == 0  # a run shrunk below its places


def test_a_country_without_a_quota_has_no_limit_and_one_with_a_quota_counts_down():
    assert country_seats_left(quota=None, used=7) is None
    assert country_seats_left(quota=3, used=2) == 1
    assert country_seats_left(quota=3, used=4) == 0

"""Seats: how many a run, or one country on it, still has. Pure functions over counts."""


def seats_left(capacity: int, taken: int) -> int:
    """Seats still free on a run (never below zero, even if a run was shrunk)."""
    return max(capacity - taken, 0)


def country_seats_left(*, quota: int | None, used: int) -> int | None:
    """Seats a country still has on a run; None when the run has no quota per country."""
    if quota is None:
        return None
    return max(quota - used, 0)

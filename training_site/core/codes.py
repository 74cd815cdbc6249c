"""Random codes that people read aloud or type from paper: symbols from an alphabet without
look-alikes, in dash-separated groups (such as 7KQ2-M9XD-4TRA-PW3H)."""

import secrets


def grouped(raw: str, size: int) -> str:
    """`raw` cut into dash-separated groups of `size` symbols."""
    return "-".join(raw[i : i + size] for i in range(0, len(raw), size))


def random_code(alphabet: str, length: int, group: int) -> str:
    """`length` random symbols of `alphabet`, in groups of `group`."""
    return grouped("".join(secrets.choice(alphabet) for _ in range(length)), group)

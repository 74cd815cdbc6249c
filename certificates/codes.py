"""Verification codes: 80 random bits in Crockford's base-32 alphabet, grouped for reading aloud.

The alphabet has no I, L, O or U, so a code read over the telephone or typed from paper cannot be
confused; typed codes are normalised (case, spaces, dashes, O→0, I/L→1) before lookup.
"""

import re

from training_site.core.codes import grouped, random_code

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # 32 symbols = 5 bits each
LENGTH = 16  # 16 × 5 = 80 bits
GROUP = 4
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_VALID = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")
PATTERN = rf"[{ALPHABET}]{{{GROUP}}}(?:-[{ALPHABET}]{{{GROUP}}}){{{LENGTH // GROUP - 1}}}"


def group(raw: str) -> str:
    return grouped(raw, GROUP)


def new_code() -> str:
    """A fresh random code such as 7KQ2-M9XD-4TRA-PW3H."""
    return random_code(ALPHABET, LENGTH, GROUP)


def normalise(typed: str) -> str | None:
    """The canonical grouped form of a typed code, or None if it cannot be one."""
    if not isinstance(typed, str) or len(typed) > 100:
        return None
    raw = re.sub(r"[\s\-_.]", "", typed).upper().translate(_LOOKALIKES)
    return group(raw) if _VALID.match(raw) else None

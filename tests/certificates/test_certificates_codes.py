"""Verification codes: pure functions, no database."""

import re

import pytest

from certificates import codes


def test_a_code_has_80_random_bits_in_four_groups():
    code = codes.new_code()
    assert re.fullmatch(codes.PATTERN, code)
    assert len(codes.ALPHABET) ** codes.LENGTH >= 2**80
    assert not set("ILOU") & set(code)


def test_codes_do_not_repeat():
    assert len({codes.new_code() for _ in range(20000)}) == 20000


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("7KQ2-M9XD-4TRA-PW3H", "7KQ2-M9XD-4TRA-PW3H"),
        ("7kq2 m9xd 4tra pw3h", "7KQ2-M9XD-4TRA-PW3H"),
        (" 7KQ2M9XD4TRAPW3H ", "7KQ2-M9XD-4TRA-PW3H"),
        ("OKQ2-M9XD-4TRA-PWIL", "0KQ2-M9XD-4TRA-PW11"),
        ("okq2_m9xd.4tra-pwil", "0KQ2-M9XD-4TRA-PW11"),
    ],
)
def test_typed_codes_are_normalised(typed, expected):
    assert codes.normalise(typed) == expected


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "hello",
        "7KQ2-M9XD-4TRA",
        "7KQ2-M9XD-4TRA-PW3H-XXXX",
        "7KQ2-M9XD-4TRA-PW3U",
        "<b>",
        None,
        "٧KQ2-M9XD-4TRA-PW3H",
        "x" * 10000,
    ],
)
def test_garbage_is_not_a_code(garbage):
    assert codes.normalise(garbage) is None

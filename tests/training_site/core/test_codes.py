"""Codes read aloud or typed from paper: the shared generator and the invitation letters' format."""

import re

from courses.models.nominations import new_letter_code
from training_site.core.codes import grouped, random_code


def test_a_code_uses_only_its_alphabet_in_dash_separated_groups():
    code = random_code("AB", 10, 4)
    assert re.fullmatch(r"[AB]{4}-[AB]{4}-[AB]{2}", code)
    assert grouped("ABCDEFGH", 4) == "ABCD-EFGH"


def test_a_letter_reference_is_three_groups_of_four_without_look_alikes():
    references = {new_letter_code() for _ in range(500)}
    assert len(references) == 500
    for reference in references:
        assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", reference)
        assert not set("01ILO") & set(reference)

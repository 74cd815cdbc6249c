"""The placeholders a template's wording may use, and their filling (pure: no models, no I/O)."""

import re

PLACEHOLDERS = ("name", "course", "dates", "hours", "venue")
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace only the known placeholders; anything else in braces stays as typed (no format())."""
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), "")), text or "")

"""Hostile input for property-based tests: markup, template syntax, control and bidi characters,
long strings and any Unicode, and the checks every response must pass."""

import os

from django.db import models

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# Function-scoped fixtures (the database, the client) are shared by a test's examples: each
# example compares row counts before and after instead of relying on a fresh database.
# The suite tries the same examples on every run (a red build must mean a change broke something);
# HYPOTHESIS_EXPLORE=1 draws new ones, to look for more.
hostile_settings = settings(
    max_examples=12,
    deadline=None,
    derandomize=not os.environ.get("HYPOTHESIS_EXPLORE"),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Markers that must never reach a page unescaped: if one shows up raw, input became markup.
SCRIPT = '<script>alert("pwn")</script>'
IMAGE = '"><img src=x onerror=alert(1)>'
RAW_MARKERS = ("<script>alert(", "<img src=x onerror=")

PAYLOADS = (
    SCRIPT,
    IMAGE,
    "{{ request.user.password }}{% debug %}",
    "javascript:alert(1)",
    "'; DROP TABLE courses_enrollment; --",
    "\u202egnp.exe",  # right-to-left override
    "\u2067\u202bعمر\u200f\u2069",  # an isolate, an embedding and a mark
    "Om\u200bar\ufeff\u00ad\u2060",  # invisible: zero-width space, BOM, soft hyphen, joiner
    "\x00\x07\x1b[31m",
    "../../../../etc/passwd",
    "=cmd|' /C calc'!A0",  # spreadsheet formula
    "𝕳𝖊𝖑𝖑𝖔 🎓 مرحبا",
    "A" * 5000,
)

# Text with a payload somewhere in it, or arbitrary Unicode (surrogates excluded: not encodable).
any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
hostile_text = st.one_of(
    st.sampled_from(PAYLOADS),
    st.builds(lambda a, p, b: a + p + b, any_text, st.sampled_from(PAYLOADS), any_text),
    any_text,
)
# Something that went in with a marker, to check it came out escaped: text a form accepts and a
# database stores. Names and titles refuse hidden characters (training_site.core.text: format and
# control characters, line separators, NUL included), with a message; Arabic script keeps the
# zero-width non-joiner and joiner.
HIDDEN_CATEGORIES = ("Cs", "Cc", "Cf", "Zl", "Zp")
storable_text = st.text(
    st.characters(exclude_categories=HIDDEN_CATEGORIES, include_characters="\u200c\u200d"),
    max_size=300,
)
# Text with at least one character a name or title must refuse.
hidden_text = st.builds(
    lambda a, hidden, b: a[:40] + hidden + b[:40],
    storable_text,
    st.characters(categories=("Cc", "Cf", "Zl", "Zp"), exclude_characters="\u200c\u200d"),
    storable_text,
)
marked_text = st.builds(lambda a, p: a[:50] + p, storable_text, st.sampled_from((SCRIPT, IMAGE)))


def assert_safe(response) -> str:
    """No server error, and no input turned into markup. Returns the decoded body."""
    assert response.status_code < 500, response.status_code
    body = response.content.decode(errors="replace")
    for marker in RAW_MARKERS:
        assert marker not in body, f"unescaped input in the response: {marker}"
    return body


def counts(*model_classes: type[models.Model]) -> dict[str, int]:
    return {m.__name__: m._default_manager.count() for m in model_classes}

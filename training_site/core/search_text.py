"""Text a visitor types into a search box, made into words every search backend takes as words.

Wagtail's database backends quote each word themselves but not what is inside it: a double quote
ends SQLite's FTS5 string early (a lone `"` gave a 500), PostgreSQL refuses NUL characters. The
words keep their letters, digits and marks in any script; quotes, control characters and
unpaired surrogates become spaces. `training_site.core.patches.plain_search_queries` sends every
search query through here, the catalogue's and the admin's.
"""

import unicodedata

MAX_TERMS = 20
MAX_TERM_LENGTH = 100
_BREAKING_CATEGORIES = frozenset({"Cc", "Cs"})


def _breaks(character: str) -> bool:
    return character == '"' or unicodedata.category(character) in _BREAKING_CATEGORIES


def plain_words(text: str) -> str:
    """The words of `text` (at most MAX_TERMS, each cut to MAX_TERM_LENGTH), space-separated."""
    cleaned = "".join(" " if _breaks(character) else character for character in str(text))
    return " ".join(word[:MAX_TERM_LENGTH] for word in cleaned.split()[:MAX_TERMS])

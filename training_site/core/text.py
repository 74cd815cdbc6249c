"""Text that shows what it says: the one rule for names and titles people type.

A name or a title must not hold characters a reader cannot see. Bidi overrides and embeddings
(U+202A–U+202E) make a certificate print a name backwards; isolates (U+2066–U+2069) and the
direction marks (U+200E, U+200F, U+061C) typed into a name change how the text around it is laid
out, and the platform already isolates names itself (`<bdi>`, `dir`) wherever it shows them;
zero-width spaces, word joiners, the soft hyphen and the byte order mark make two names that look
the same compare different; control characters (NUL included, which PostgreSQL refuses to
store), line and paragraph separators and lone surrogates have no place in one line of text.

So every character of Unicode category Cf (format), Cc (control), Cs (surrogate), Zl and Zp is
refused, with two exceptions: the zero-width non-joiner and joiner (U+200C, U+200D), which
Arabic, Persian and Urdu spelling needs.

`hidden_characters` is the pure rule; `validate_text_line` is the Django validator (and
`validate_text_lines` its variant for several lines, which also lets line breaks and tabs
through); `TextLineField` and `TextLineFormField` are CharFields that carry it, `TextLinesField`
the TextField that carries the variant. `isolate` is how names are shown among others. The model fields deconstruct as plain `CharField` and
`TextField`: a validator does not change the schema, so attaching it
creates no migration and migrations never import this module. This module has no domain imports.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import ngettext_lazy

KEPT = frozenset({"\u200c", "\u200d"})  # zero-width non-joiner and joiner: Arabic script needs them
REFUSED_CATEGORIES = frozenset({"Cf", "Cc", "Cs", "Zl", "Zp"})
LINE_BREAKS = frozenset("\n\r\t")  # allowed in multi-line text only


def is_hidden(character: str, *, multiline: bool = False) -> bool:
    if character in KEPT or (multiline and character in LINE_BREAKS):
        return False
    return unicodedata.category(character) in REFUSED_CATEGORIES


def hidden_characters(value: str, *, multiline: bool = False) -> list[str]:
    """The refused characters in `value`, each once, in the order they first appear."""
    found: dict[str, None] = {}
    for character in value:
        if character not in found and is_hidden(character, multiline=multiline):
            found[character] = None
    return list(found)


def without_hidden_characters(value: str, *, multiline: bool = False) -> str:
    """`value` with the refused characters taken out (for data typed before the rule)."""
    return "".join(ch for ch in value if not is_hidden(ch, multiline=multiline))


def describe(character: str) -> str:
    """`U+202E RIGHT-TO-LEFT OVERRIDE`: how a message names a character nobody can see."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X} {name}".strip()


@deconstructible(path="training_site.core.text.VisibleTextValidator")
class VisibleTextValidator:
    """Refuse a value holding characters a reader cannot see (see the module's docstring)."""

    code = "hidden_characters"
    message = ngettext_lazy(
        "This text holds a character that cannot be seen or that changes the direction of the "
        "text: %(characters)s. Type the text again, or paste it as plain text.",
        "This text holds characters that cannot be seen or that change the direction of the "
        "text: %(characters)s. Type the text again, or paste it as plain text.",
        "count",
    )

    def __init__(self, *, multiline: bool = False):
        self.multiline = multiline

    def __call__(self, value) -> None:
        if not isinstance(value, str):
            return
        found = hidden_characters(value, multiline=self.multiline)
        if found:
            raise ValidationError(
                self.message,
                code=self.code,
                params={"characters": ", ".join(map(describe, found)), "count": len(found)},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, VisibleTextValidator) and other.multiline == self.multiline

    def __hash__(self) -> int:
        return hash((VisibleTextValidator, self.multiline))


validate_text_line = VisibleTextValidator()
validate_text_lines = VisibleTextValidator(multiline=True)


def has_text_validator(field) -> bool:
    """Whether a model or form field refuses hidden characters (the completeness tests ask)."""
    return any(isinstance(validator, VisibleTextValidator) for validator in field.validators)


def refuse_hidden_characters(field, *, multiline: bool = False) -> None:
    """Attach the rule to a field defined elsewhere (Wagtail's page title, Django's user names);
    it runs wherever the field is validated: model forms, `full_clean`, Wagtail's `Page.save`."""
    if not has_text_validator(field):
        field.validators.append(validate_text_lines if multiline else validate_text_line)


def isolate(value) -> SafeString | str:
    """`value`, escaped, inside `<bdi>`: how a name is shown where names of several scripts
    meet (rosters, lists, admin columns), so that an Arabic name in an English list, or a Latin
    name in an Arabic one, neither reorders its neighbours nor is reordered by them. The
    template filter `bdi` (training_site.templatetags.text_tags) and the admin's `NameColumn`
    call it."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)


class TextLineField(models.CharField):
    """A CharField for one line of human text (a name, a title, a venue) that refuses hidden
    characters, in model validation and in the form field it makes."""

    default_validators = [validate_text_line]

    def formfield(self, **kwargs):
        if not self.choices:
            kwargs.setdefault("form_class", TextLineFormField)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs


class TextLineFormField(forms.CharField):
    """A form CharField for one line of human text that refuses hidden characters."""

    default_validators = [validate_text_line]


class TextLinesField(models.TextField):
    """A TextField for several lines of human text (a summary, a message, a reason): the same
    rule, with line breaks and tabs allowed."""

    default_validators = [validate_text_lines]

    def formfield(self, **kwargs):
        if not self.choices:
            kwargs.setdefault("form_class", TextLinesFormField)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs


class TextLinesFormField(forms.CharField):
    """A form CharField for several lines of human text: the same rule, line breaks allowed."""

    default_validators = [validate_text_lines]

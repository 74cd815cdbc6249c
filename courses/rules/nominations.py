"""Nominations: pure rules over plain data (CSV parsing, quotas), tested without the database.

CSV files have one header row with exactly these columns, in any order:

    name,email,organisation,job_title,language

`language` is the language of the invitation e-mail: ar, en or fr. The file must be UTF-8 (an
Excel-style byte order mark is accepted). Row numbers in errors count the header as row 1, as a
spreadsheet shows them.
"""

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from training_site.core.text import describe, hidden_characters

from ..choices import RunStatus

CSV_COLUMNS = ("name", "email", "organisation", "job_title", "language")
MAX_ROWS = 500
FIELD_LIMITS = {"name": 150, "email": 254, "organisation": 200, "job_title": 150}


@dataclass(frozen=True)
class Nominee:
    name: str
    email: str
    organisation: str
    job_title: str
    language: str
    row: int = 0


@dataclass(frozen=True)
class RowError:
    row: int  # 0: the file as a whole
    message: str


def is_open_for_nominations(*, status: str, start_date: dt.date, today: dt.date) -> bool:
    """A run takes nominations while it is scheduled and has not started."""
    return status == RunStatus.SCHEDULED and start_date > today


def country_seats_left(*, quota: int | None, used: int) -> int | None:
    """Seats a country still has on a run; None when the run has no quota per country."""
    if quota is None:
        return None
    return max(quota - used, 0)


def normalise_email(email: str) -> str:
    return email.strip().lower()


MISSING = {
    "name": gettext_lazy("The name is missing."),
    "email": gettext_lazy("The e-mail address is missing."),
    "organisation": gettext_lazy("The organisation is missing."),
    "job_title": gettext_lazy("The job title is missing."),
    "language": gettext_lazy("The language is missing."),
}
TOO_LONG = {
    "name": gettext_lazy("The name is longer than %(limit)d characters."),
    "email": gettext_lazy("The e-mail address is longer than %(limit)d characters."),
    "organisation": gettext_lazy("The organisation is longer than %(limit)d characters."),
    "job_title": gettext_lazy("The job title is longer than %(limit)d characters."),
}


HIDDEN = {
    "name": gettext_lazy(
        "The name holds characters that cannot be seen or that change the direction of the "
        "text: %(characters)s."
    ),
    "organisation": gettext_lazy(
        "The organisation holds characters that cannot be seen or that change the direction of "
        "the text: %(characters)s."
    ),
    "job_title": gettext_lazy(
        "The job title holds characters that cannot be seen or that change the direction of the "
        "text: %(characters)s."
    ),
}  # the e-mail address and the language have stricter checks of their own


def validate_nominee(values: dict[str, str], *, languages: list[str]) -> list[str]:
    """Problems with one nominee's fields, as messages in the active language."""
    problems = []
    for field in CSV_COLUMNS:
        if not values.get(field, "").strip():
            problems.append(str(MISSING[field]))
    for field, message in HIDDEN.items():
        if hidden := hidden_characters(values.get(field, "")):
            problems.append(str(message) % {"characters": ", ".join(map(describe, hidden))})
    for field, limit in FIELD_LIMITS.items():
        if len(values.get(field, "").strip()) > limit:
            problems.append(str(TOO_LONG[field]) % {"limit": limit})
    email = values.get("email", "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            problems.append(_("“%(email)s” is not a valid e-mail address.") % {"email": email})
    language = values.get("language", "").strip().lower()
    if language and language not in languages:
        problems.append(
            _("Unknown language “%(language)s”: use one of %(choices)s.")
            % {"language": language, "choices": ", ".join(languages)}
        )
    return problems


def parse_nominees_csv(
    data: bytes, *, languages: list[str]
) -> tuple[list[Nominee], list[RowError]]:
    """Read a CSV of nominees. Any error means the caller must import nothing."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [
            RowError(
                0,
                _(
                    "The file is not UTF-8 text. In your spreadsheet, save it as "
                    "“CSV UTF-8 (comma delimited)” and upload it again."
                ),
            )
        ]
    if "\x00" in text:
        return [], [
            RowError(
                0,
                _(
                    "The file holds NUL characters, so it is not a CSV text file (it may have "
                    "been saved as “Unicode text”). In your spreadsheet, save it as "
                    "“CSV UTF-8 (comma delimited)” and upload it again."
                ),
            )
        ]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return [], [RowError(0, _("The file is empty."))]
    except csv.Error:
        return [], [RowError(1, _("The file could not be read as CSV."))]
    columns = [cell.strip().lower() for cell in header]
    header_errors = []
    missing = [c for c in CSV_COLUMNS if c not in columns]
    unknown = [c for c in columns if c not in CSV_COLUMNS]
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if missing:
        header_errors.append(
            RowError(1, _("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
        )
    if unknown:
        header_errors.append(
            RowError(
                1,
                _("Unknown columns: %(columns)s.")
                % {"columns": ", ".join(c or "“”" for c in unknown)},
            )
        )
    if repeated:
        header_errors.append(
            RowError(1, _("Repeated columns: %(columns)s.") % {"columns": ", ".join(repeated)})
        )
    if header_errors:
        expected = ",".join(CSV_COLUMNS)
        header_errors.append(
            RowError(1, _("The first row must be: %(header)s") % {"header": expected})
        )
        return [], header_errors

    nominees: list[Nominee] = []
    errors: list[RowError] = []
    first_row_of: dict[str, int] = {}
    try:
        for index, cells in enumerate(reader, start=2):
            if not any(cell.strip() for cell in cells):
                continue  # blank lines, as spreadsheets leave at the end
            if len(nominees) + len(errors) >= MAX_ROWS:
                errors.append(
                    RowError(index, _("Too many rows: at most %(max)d.") % {"max": MAX_ROWS})
                )
                break
            if len(cells) != len(columns):
                errors.append(
                    RowError(
                        index,
                        _("This row has %(found)d cells; the header has %(expected)d.")
                        % {"found": len(cells), "expected": len(columns)},
                    )
                )
                continue
            values = {column: cell.strip() for column, cell in zip(columns, cells, strict=True)}
            problems = validate_nominee(values, languages=languages)
            email = normalise_email(values["email"])
            if email and email in first_row_of:
                problems.append(
                    _("This e-mail address is already on row %(row)d.")
                    % {"row": first_row_of[email]}
                )
            elif email:
                first_row_of[email] = index
            errors.extend(RowError(index, problem) for problem in problems)
            if not problems:
                nominees.append(
                    Nominee(
                        name=values["name"],
                        email=email,
                        organisation=values["organisation"],
                        job_title=values["job_title"],
                        language=values["language"].lower(),
                        row=index,
                    )
                )
    except csv.Error:
        errors.append(RowError(reader.line_num, _("The file could not be read as CSV.")))
    if not nominees and not errors:
        errors.append(RowError(0, _("The file has no nominees under its header.")))
    return nominees, errors


def run_errors(
    nominees: list[Nominee],
    *,
    taken_emails: set[str],
    seats_left: int | None,
    country_name: str,
) -> list[RowError]:
    """What the run's state refuses: people already nominated or enrolled, seats over quota."""
    errors = []
    accepted = 0
    for nominee in nominees:
        if normalise_email(nominee.email) in taken_emails:
            errors.append(
                RowError(
                    nominee.row,
                    _("%(email)s is already nominated, invited or enrolled on this run.")
                    % {"email": nominee.email},
                )
            )
            continue
        accepted += 1
        if seats_left is not None and accepted > seats_left:
            errors.append(
                RowError(
                    nominee.row,
                    ngettext(
                        "Over the quota: %(country)s has %(left)d seat left on this run.",
                        "Over the quota: %(country)s has %(left)d seats left on this run.",
                        seats_left,
                    )
                    % {"country": country_name, "left": seats_left},
                )
            )
    return sorted(errors, key=lambda error: error.row)

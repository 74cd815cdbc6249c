"""CSV parsing and quota rules: pure functions, no database."""

import datetime as dt

from django.utils import translation

import pytest

from courses.choices import RunStatus
from courses.rules.nominations import (
    MAX_ROWS,
    Nominee,
    RowError,
    is_open_for_nominations,
    parse_nominees_csv,
    run_errors,
    validate_nominee,
)
from courses.rules.quotas import country_seats_left

LANGS = ["ar", "en", "fr"]


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


HEADER = "name,email,organisation,job_title,language\n"


def parse(text: str, encoding="utf-8"):
    return parse_nominees_csv(text.encode(encoding), languages=LANGS)


def test_a_good_file_gives_every_nominee_with_row_numbers():
    nominees, errors = parse(
        HEADER + "Amal Haddad,Amal@Example.org,PSD,Investigator,ar\n"
        "Rami Saleh,rami@example.org,Ministry of Labour,Inspector,EN\n\n"
    )
    assert errors == []
    assert [(n.row, n.email, n.language) for n in nominees] == [
        (2, "amal@example.org", "ar"),
        (3, "rami@example.org", "en"),
    ]


def test_columns_may_come_in_any_order_and_an_excel_bom_is_accepted():
    text = "\ufeffEmail,Name,language,organisation,job_title\r\nx@example.org,X Y,fr,Org,Job\r\n"
    nominees, errors = parse(text)
    assert errors == []
    assert nominees[0].name == "X Y"


def test_a_file_that_is_not_utf8_is_refused_with_a_clear_message():
    nominees, errors = parse(HEADER + "Éloïse Dûpont,e@example.org,Org,Job,fr\n", "latin-1")
    assert nominees == []
    assert errors[0].row == 0
    assert "UTF-8" in errors[0].message


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("name,email,organisation,job_title\n", "Missing columns: language"),
        ("name,email,organisation,job_title,language,country\n", "Unknown columns: country"),
        ("name,name,email,organisation,job_title,language\n", "Repeated columns: name"),
    ],
)
def test_wrong_columns_are_refused_on_row_one(header, expected):
    nominees, errors = parse(header + "a,b@example.org,c,d,en\n")
    assert nominees == []
    assert all(error.row == 1 for error in errors)
    assert any(expected in error.message for error in errors)


def test_every_bad_row_is_listed_with_its_number():
    nominees, errors = parse(
        HEADER + "Good Person,good@example.org,Org,Job,ar\n"  # 2 fine
        ",missing-name@example.org,Org,Job,ar\n"  # 3 missing name
        "Bad Mail,not-an-email,Org,Job,ar\n"  # 4 bad e-mail
        "Dup,GOOD@example.org,Org,Job,en\n"  # 5 duplicate of row 2
        "Lang,lang@example.org,Org,Job,de\n"  # 6 unknown language
        "Short,short@example.org,Org\n"  # 7 wrong number of cells
        "No Org,noorg@example.org,,Job,fr\n"  # 8 missing organisation
    )
    rows = sorted({error.row for error in errors})
    assert rows == [3, 4, 5, 6, 7, 8]
    by_row = {error.row: error.message for error in errors}
    assert "name" in by_row[3]
    assert "not-an-email" in by_row[4]
    assert "row 2" in by_row[5]
    assert "de" in by_row[6]
    assert [n.row for n in nominees] == [2]


def test_an_empty_file_or_a_header_alone_is_an_error():
    assert parse("")[1][0].message
    nominees, errors = parse(HEADER)
    assert nominees == [] and len(errors) == 1


def test_errors_are_in_the_users_language():
    with translation.override("ar"):
        _, errors = parse(HEADER + "Bad Mail,not-an-email,Org,Job,ar\n")
    assert "not-an-email" in errors[0].message
    assert "is not a valid" not in errors[0].message


def test_run_errors_refuse_taken_addresses_and_rows_over_the_quota():
    nominees = [
        Nominee("A", f"{c}@example.org", "O", "J", "ar", row=i) for i, c in enumerate("abcd", 2)
    ]
    errors = run_errors(
        nominees, taken_emails={"b@example.org"}, seats_left=2, country_name="Jordan"
    )
    assert [(e.row) for e in errors] == [3, 5]
    assert "already" in errors[0].message
    assert "Jordan" in errors[1].message and "2 seats" in errors[1].message


def test_no_quota_means_no_quota_error():
    nominees = [Nominee("A", f"{i}@example.org", "O", "J", "ar", row=i) for i in range(2, 40)]
    assert run_errors(nominees, taken_emails=set(), seats_left=None, country_name="X") == []


def test_country_seats_left():
    assert country_seats_left(quota=None, used=5) is None
    assert country_seats_left(quota=3, used=1) == 2
    assert country_seats_left(quota=3, used=5) == 0


def test_runs_take_nominations_while_scheduled_and_not_started():
    today = dt.date(2026, 5, 1)
    tomorrow = today + dt.timedelta(days=1)
    assert is_open_for_nominations(status=RunStatus.SCHEDULED, start_date=tomorrow, today=today)
    assert not is_open_for_nominations(status=RunStatus.SCHEDULED, start_date=today, today=today)
    assert not is_open_for_nominations(status=RunStatus.CANCELLED, start_date=tomorrow, today=today)


# --- the exact errors: row numbers and words as the focal point reads them ----------------------

NOT_CSV = "The file could not be read as CSV."
FIRST_ROW = "The first row must be: name,email,organisation,job_title,language"
HUGE = "x" * 200_000  # over the csv module's field limit: the file cannot be read as CSV


def row(name="Amal Haddad", email="amal@example.org", org="PSD", job="Investigator", lang="ar"):
    return f"{name},{email},{org},{job},{lang}\n"


def test_the_exact_words_for_a_file_that_is_not_utf8():
    assert parse(HEADER + "Éloïse,e@example.org,Org,Job,fr\n", "latin-1") == (
        [],
        [
            RowError(
                0,
                "The file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8 "
                "(comma delimited)” and upload it again.",
            )
        ],
    )


def test_an_empty_file_and_a_header_alone_say_so_for_the_whole_file():
    assert parse("") == ([], [RowError(0, "The file is empty.")])
    assert parse(HEADER) == ([], [RowError(0, "The file has no nominees under its header.")])


def test_a_header_that_is_not_csv_is_refused_on_row_one():
    assert parse(HUGE + "\n" + row()) == ([], [RowError(1, NOT_CSV)])


def test_a_row_that_is_not_csv_is_refused_on_its_row():
    # Any error means nothing is imported: the caller sees the error of row 3.
    _, errors = parse(HEADER + row() + f"{HUGE},b@example.org,O,J,en\n")
    assert errors == [RowError(3, NOT_CSV)]


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("name,email,organisation\n", "Missing columns: job_title, language."),
        (
            "name,email,organisation,job_title,language,country,\n",
            "Unknown columns: country, “”.",
        ),
        (
            "name,name,email,email,organisation,job_title,language\n",
            "Repeated columns: email, name.",
        ),
    ],
)
def test_the_exact_words_for_wrong_columns(header, message):
    assert parse(header + row()) == ([], [RowError(1, message), RowError(1, FIRST_ROW)])


def test_every_row_error_in_exact_words_and_the_good_rows_in_full():
    nominees, errors = parse(
        HEADER
        + row()
        + "\n"  # a blank line in the middle is skipped, not the end of the file
        + "Short,short@example.org,Org\n"
        + row(name="Dup", email="AMAL@example.org")
        + row(name="Lang", email="lang@example.org", lang="de")
        + row(
            name="Rami Saleh", email="Rami@Example.org", org="Ministry", job="Inspector", lang="EN"
        )
    )
    assert errors == [
        RowError(4, "This row has 3 cells; the header has 5."),
        RowError(5, "This e-mail address is already on row 2."),
        RowError(6, "Unknown language “de”: use one of ar, en, fr."),
    ]
    assert nominees == [
        Nominee("Amal Haddad", "amal@example.org", "PSD", "Investigator", "ar", row=2),
        Nominee("Rami Saleh", "rami@example.org", "Ministry", "Inspector", "en", row=7),
    ]


def test_at_most_max_rows_count_good_and_bad_rows_alike():
    bad = row(name="")
    good = "".join(row(name=f"P {i}", email=f"p{i}@example.org") for i in range(MAX_ROWS))
    nominees, errors = parse(HEADER + bad + good)
    assert len(nominees) == MAX_ROWS - 1
    assert errors == [
        RowError(2, "The name is missing."),
        RowError(MAX_ROWS + 2, f"Too many rows: at most {MAX_ROWS}."),
    ]
    nominees, errors = parse(HEADER + good)
    assert (len(nominees), errors) == (MAX_ROWS, [])


def test_every_missing_field_in_exact_words():
    assert validate_nominee({}, languages=LANGS) == [
        "The name is missing.",
        "The e-mail address is missing.",
        "The organisation is missing.",
        "The job title is missing.",
        "The language is missing.",
    ]


@pytest.mark.parametrize(
    ("field", "limit", "message"),
    [
        ("name", 150, "The name is longer than 150 characters."),
        ("organisation", 200, "The organisation is longer than 200 characters."),
        ("job_title", 150, "The job title is longer than 150 characters."),
    ],
)
def test_fields_may_be_as_long_as_their_limit_and_no_longer(field, limit, message):
    values = {"name": "A", "email": "a@example.org", "organisation": "O", "job_title": "J"}
    values["language"] = "en"
    assert validate_nominee({**values, field: "x" * limit}, languages=LANGS) == []
    assert validate_nominee({**values, field: "x" * (limit + 1)}, languages=LANGS) == [message]


def test_an_invalid_e_mail_address_in_exact_words():
    values = {"name": "A", "email": "not-an-email", "organisation": "O", "job_title": "J"}
    assert validate_nominee({**values, "language": "en"}, languages=LANGS) == [
        "“not-an-email” is not a valid e-mail address."
    ]


def test_the_exact_words_of_the_run_errors():
    nominees = [
        Nominee("A", f"{c}@example.org", "O", "J", "ar", row=i) for i, c in enumerate("abc", 2)
    ]
    assert run_errors(
        nominees, taken_emails={"a@example.org"}, seats_left=1, country_name="Jordan"
    ) == [
        RowError(2, "a@example.org is already nominated, invited or enrolled on this run."),
        RowError(4, "Over the quota: Jordan has 1 seat left on this run."),
    ]
    assert run_errors(nominees, taken_emails=set(), seats_left=2, country_name="Jordan") == [
        RowError(4, "Over the quota: Jordan has 2 seats left on this run.")
    ]


@pytest.mark.parametrize(
    ("field", "label"),
    [("name", "The name"), ("organisation", "The organisation"), ("job_title", "The job title")],
)
def test_hidden_characters_in_exact_words_each_named_once(field, label):
    values = {"name": "A", "email": "a@example.org", "organisation": "O", "job_title": "J"}
    values = {**values, "language": "en", field: "A\u202eB\u200bC\u202e"}
    assert validate_nominee(values, languages=LANGS) == [
        f"{label} holds characters that cannot be seen or that change the direction of the "
        "text: U+202E RIGHT-TO-LEFT OVERRIDE, U+200B ZERO WIDTH SPACE."
    ]


def test_the_joiners_arabic_script_needs_are_not_hidden_characters():
    values = {"name": "نور\u200cالهدى", "email": "a@example.org", "organisation": "O"}
    assert validate_nominee({**values, "job_title": "J", "language": "ar"}, languages=LANGS) == []


def test_a_file_with_nul_characters_is_refused_as_a_whole_in_exact_words():
    assert parse(HEADER + "A\x00B,a@example.org,O,J,en\n") == (
        [],
        [
            RowError(
                0,
                "The file holds NUL characters, so it is not a CSV text file (it may have been "
                "saved as “Unicode text”). In your spreadsheet, save it as “CSV UTF-8 (comma "
                "delimited)” and upload it again.",
            )
        ],
    )

"""CSV parsing and quota rules: pure functions, no database."""

import datetime as dt

from django.utils import translation

import pytest

from courses.choices import RunStatus
from courses.rules.nominations import (
    Nominee,
    is_open_for_nominations,
    parse_nominees_csv,
    run_errors,
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

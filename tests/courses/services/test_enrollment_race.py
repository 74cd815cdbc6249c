"""8 processes × 25 applications for 20 seats: exactly 20 places, everyone else waitlisted.

PostgreSQL (DATABASE_URL=postgres://...): the processes share pytest-django's test database.
SQLite: the test copies its data into a temporary database file that the processes share (an
in-memory database cannot be shared between processes).
"""

import sqlite3
from collections import Counter

from django.db import connection

import pytest

from courses.choices import EnrollmentStatus
from tests import factories
from tests.courses.services.race import ATTEMPTS, PROCESSES, SEATS, race


def _people(run):
    users = [factories.TraineeFactory() for _ in range(PROCESSES * ATTEMPTS)]
    return users


@pytest.fixture
def race_run(transactional_db, course):
    return factories.CourseRunFactory(course=course, capacity=SEATS)


@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="needs DATABASE_URL=postgres://")
def test_postgresql_never_overbooks(race_run):
    from courses.models import Enrollment

    users = _people(race_run)
    statuses, errors = race(race_run, users)
    assert errors == []
    assert Counter(statuses) == {
        EnrollmentStatus.ENROLLED: SEATS,
        EnrollmentStatus.WAITLISTED: PROCESSES * ATTEMPTS - SEATS,
    }
    rows = Enrollment.objects.filter(run=race_run)
    assert rows.count() == PROCESSES * ATTEMPTS
    assert rows.values("user").distinct().count() == PROCESSES * ATTEMPTS
    assert rows.filter(status=EnrollmentStatus.ENROLLED).count() == SEATS


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="the SQLite variant of the race")
def test_sqlite_file_database_never_locks_or_overbooks(race_run, tmp_path):
    users = _people(race_run)
    path = str(tmp_path / "race.sqlite3")
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)  # schema and data of the test database
    target.execute("PRAGMA journal_mode=WAL")
    target.close()
    statuses, errors = race(race_run, users, sqlite_path=path)
    assert not [e for e in errors if "locked" in e], errors
    assert errors == []
    assert Counter(statuses) == {
        EnrollmentStatus.ENROLLED: SEATS,
        EnrollmentStatus.WAITLISTED: PROCESSES * ATTEMPTS - SEATS,
    }
    database = sqlite3.connect(path)
    rows = database.execute(
        "SELECT status, COUNT(*), COUNT(DISTINCT user_id) FROM courses_enrollment "
        "WHERE run_id = ? GROUP BY status",
        (race_run.pk,),
    ).fetchall()
    database.close()
    assert {status: (n, distinct) for status, n, distinct in rows} == {
        "enrolled": (SEATS, SEATS),
        "waitlisted": (180, 180),
    }

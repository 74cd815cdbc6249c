"""8 processes × 25 applications for 20 seats: exactly 20 places, everyone else waitlisted.

PostgreSQL (DATABASE_URL=postgres://...): the processes share pytest-django's test database.
SQLite: the test copies its data into a temporary database file that the processes share (an
in-memory database cannot be shared between processes).
"""

import multiprocessing
import sqlite3
import time
import traceback
from collections import Counter

from django.db import connection, connections

import pytest

from courses.choices import EnrollmentStatus
from tests import factories

PROCESSES = 8
ATTEMPTS = 25
SEATS = 20
TIMEOUT = 240  # seconds for the whole race; a hang fails the test instead of blocking CI


def _apply_all(args):
    """Child process: apply every given user to the run; return (statuses, errors)."""
    run_pk, user_pks, sqlite_path = args
    from django.contrib.auth import get_user_model

    from courses.models import CourseRun
    from courses.services import enrollment as services

    default = connections["default"]
    if sqlite_path:
        default.settings_dict["NAME"] = sqlite_path
    default.close()  # never reuse the parent's connection: open our own
    statuses, errors = [], []
    try:
        run = CourseRun.objects.get(pk=run_pk)
        for user in get_user_model().objects.filter(pk__in=user_pks):
            try:
                statuses.append(str(services.apply(user=user, run=run).status))
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
    except Exception:
        errors.append(traceback.format_exc())
    finally:
        connections.close_all()
    return statuses, errors


def _race(run, users, sqlite_path=None):
    chunks = [
        (run.pk, [u.pk for u in users[i * ATTEMPTS : (i + 1) * ATTEMPTS]], sqlite_path)
        for i in range(PROCESSES)
    ]
    connections.close_all()
    started = time.monotonic()
    context = multiprocessing.get_context("fork")
    with context.Pool(PROCESSES) as pool:
        results = pool.map_async(_apply_all, chunks).get(timeout=TIMEOUT)
    assert time.monotonic() - started < TIMEOUT
    statuses = [s for chunk_statuses, _ in results for s in chunk_statuses]
    errors = [e for _, chunk_errors in results for e in chunk_errors]
    return statuses, errors


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
    statuses, errors = _race(race_run, users)
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
    statuses, errors = _race(race_run, users, sqlite_path=path)
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

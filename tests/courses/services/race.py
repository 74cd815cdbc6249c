"""The enrollment race: many processes applying for the same run at once. Shared by the race
test (tests/courses/services/test_enrollment_race.py) and the benchmark (tests/benchmarks/bench_race.py)."""

import multiprocessing
import time
import traceback

from django.db import connections

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


def race(run, users, sqlite_path=None):
    """Apply `users` to `run` from PROCESSES processes at once; (statuses, errors)."""
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

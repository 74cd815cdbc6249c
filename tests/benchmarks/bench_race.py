"""The enrollment race on PostgreSQL: 8 processes x 25 applications for a run with 20 seats.

Run by `make bench` with BENCH_RACE_URL (default: the machine's PostgreSQL server); it creates a
scratch database, migrates it, races, reports the time to settle and the places given, and drops
the database. Prints one markdown table.
"""

import os
import sys
import time
import uuid
from collections import Counter

import django

SERVER = os.environ.get("BENCH_RACE_URL", "postgres://postgres@127.0.0.1:5432")
NAME = f"rtc_bench_race_{uuid.uuid4().hex[:8]}"


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(SERVER + "/postgres", autocommit=True) as conn:
        conn.execute(sql)


def main() -> None:
    try:
        _admin(f'CREATE DATABASE "{NAME}"')
    except Exception as exc:  # no PostgreSQL here: say so rather than fail the whole bench
        print(f"PostgreSQL is not reachable at {SERVER} ({type(exc).__name__}); race not run.")
        return
    os.environ["DATABASE_URL"] = f"{SERVER}/{NAME}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.benchmarks.settings")
    try:
        django.setup()
        race()
    finally:
        from django.db import connections

        connections.close_all()
        _admin(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')


def race() -> None:
    from django.core.management import call_command

    from wagtail.models import Page

    from courses.choices import EnrollmentStatus
    from courses.models import Enrollment
    from tests import factories
    from tests.courses.services.race import ATTEMPTS, PROCESSES, SEATS
    from tests.courses.services.race import race as apply_at_once

    call_command("migrate", "--noinput", verbosity=0)
    call_command("createcachetable", verbosity=0)
    course = factories.CoursePageFactory(parent=Page.get_first_root_node())
    run = factories.CourseRunFactory(course=course, capacity=SEATS)
    users = [factories.TraineeFactory() for _ in range(PROCESSES * ATTEMPTS)]
    started = time.perf_counter()
    statuses, errors = apply_at_once(run, users)
    elapsed = time.perf_counter() - started
    counts = Counter(statuses)
    enrolled = Enrollment.objects.filter(run=run, status=EnrollmentStatus.ENROLLED).count()
    print("| processes x attempts | seats | time to settle | places given | waitlisted | errors |")
    print("|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {PROCESSES} x {ATTEMPTS} | {SEATS} | {elapsed:.2f} s | {enrolled} "
        f"{'(exactly the seats)' if enrolled == SEATS else '(WRONG)'} | "
        f"{counts.get(EnrollmentStatus.WAITLISTED, 0)} | {len(errors)} |"
    )
    if errors:
        print("\n".join(errors[:5]), file=sys.stderr)


if __name__ == "__main__":
    main()

"""Bulk certificate issue benchmark (not a test): `python -m tests.benchmarks.bench_bulk`.

One run with COUNT completed enrollments (500) on a scratch database; WORKERS (2) task workers
(`manage.py db_worker`, the database task backend) are started and left idle; then the real
`certificates.tasks.start_bulk_issue` queues one task per enrollment, as the staff
screen does, and we measure the wall time until every item is issued (or failed), and each
worker's resident memory (VmRSS) when idle before the bulk issue and after it. Targets: 500 in at
most 20 s, at most 50 MB growth per worker.

From another script (`tests/benchmarks/run.py`):

    from tests.benchmarks.bench_bulk import prepare_database, run_bulk, scratch_env
    env = scratch_env(workdir)                 # SQLite file database, media folders, settings
    prepare_database(env)                      # migrate, cache table, seed_demo (once)
    # ... start gunicorn with the same env (same DATABASE_URL) and wrk against it ...
    result = run_bulk(env, count=500, workers=2)
    # {'elapsed_s': ..., 'issued': 500, 'failed': 0, 'worker_rss_growth_mb': [..], ...}

`env` is the environment of every process involved (DJANGO_SETTINGS_MODULE, DATABASE_URL,
MEDIA_ROOT, PRIVATE_MEDIA_ROOT); a gunicorn started with the same env serves the same database,
so page throughput and bulk issue can be measured at the same time. Pass an env whose
DATABASE_URL is PostgreSQL (`postgres://...`, the database already migrated) to run on
PostgreSQL. Each call makes a new run with its own trainees, so it can be repeated on one
database. Timings live only in `make bench`, never in the test suite.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

CREATE_RUN = """
import json, uuid
from django.contrib.auth import get_user_model
from django.utils import timezone
from certificates.models import CertificateTemplate
from courses.choices import EnrollmentStatus
from courses.models import CoursePage, Enrollment, TraineeProfile
from tests import factories

count = {count}
tag = uuid.uuid4().hex[:8]
course = CoursePage.objects.filter(live=True).first() or factories.CoursePageFactory(
    parent=factories.CourseIndexPageFactory()
)
template = CertificateTemplate.objects.create(
    name=f"Bulk bench {{tag}}",
    printed_languages="ar-en",
    body_ar="أتمّ بنجاح الدورة التدريبية «{{course}}» في {{venue}} من {{dates}}، بواقع {{hours}} ساعة.",
    body_en="has completed the course “{{course}}” held at {{venue}} from {{dates}} ({{hours}} hours).",
)
run = factories.CourseRunFactory(course=course, certificate_template=template, capacity=count)
User = get_user_model()
users = User.objects.bulk_create(
    [
        User(username=f"bulk-{{tag}}-{{i}}", email=f"bulk-{{tag}}-{{i}}@example.org",
             first_name="Trainee", last_name=str(i))
        for i in range(count)
    ]
)
users = list(User.objects.filter(username__startswith=f"bulk-{{tag}}-"))
TraineeProfile.objects.bulk_create(
    [
        TraineeProfile(user=user, name_latin=f"Omar Farouk Al-Mansouri {{user.last_name}}",
                       name_arabic="عمر فاروق المنصوري", country="JO",
                       organisation="Public Security Directorate", organisation_type="police",
                       job_title="Investigator", preferred_language="en",
                       consent_at=timezone.now())
        for user in users
    ]
)
Enrollment.objects.bulk_create(
    [
        Enrollment(user=user, run=run, status=EnrollmentStatus.COMPLETED,
                   completed_at=timezone.now())
        for user in users
    ]
)
print(json.dumps({{"run": str(run.public_id)}}))
"""

ISSUE_AND_WAIT = """
import json, time
from django_tasks_db.models import DBTaskResult
from courses.models import CourseRun
from certificates import tasks

run = CourseRun.objects.get(public_id="{run}")
# Let the workers finish what is already queued (e.g. search indexing after seed_demo).
drain = time.monotonic()
while DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
    time.sleep(0.2)
drain = time.monotonic() - drain
start = time.monotonic()
bulk = tasks.start_bulk_issue(run=run, by=None)
queued = time.monotonic() - start
while True:
    counts = bulk.counts()
    if not counts["pending"] or time.monotonic() - start > {timeout}:
        break
    time.sleep(0.1)
elapsed = time.monotonic() - start
print(json.dumps({{"elapsed_s": elapsed, "queued_s": queued, "drain_s": drain, **counts}}))
"""


def scratch_env(workdir: Path, *, database_url: str | None = None) -> dict:
    """The environment for every process: settings, database, media under `workdir`."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.benchmarks.settings",
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'bench.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "TASKS_BACKEND": "db",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


def prepare_database(env: dict) -> None:
    """Migrate, create the cache table and load the demo data (a fresh database only)."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "seed_demo")


def _shell(env: dict, code: str) -> dict:
    return json.loads(manage(env, "shell", "-c", code).strip().splitlines()[-1])


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _cpu_s(pid: int) -> float:
    """User + system CPU time of a process, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _start_workers(env: dict, workers: int, logdir: Path) -> list[subprocess.Popen]:
    processes = []
    for index in range(workers):
        log = open(logdir / f"worker-{index}.log", "w")  # noqa: SIM115 (closed with the process)
        processes.append(
            subprocess.Popen(
                [PYTHON, "manage.py", "db_worker", "--worker-id", f"bench-{index}"],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
    return processes


def _wait_idle(processes, timeout: float = 60) -> None:
    """Until each worker's memory stops growing (imports done, polling an empty queue)."""
    deadline = time.monotonic() + timeout
    last = [0.0] * len(processes)
    while time.monotonic() < deadline:
        time.sleep(1)
        current = [_rss_mb(p.pid) for p in processes]
        if all(p.poll() is None for p in processes) and all(
            now > 50 and abs(now - before) < 0.5 for now, before in zip(current, last, strict=True)
        ):
            return
        last = current
    raise TimeoutError("the workers did not settle")


def run_bulk(env: dict, *, count: int = 500, workers: int = 2, timeout: float = 600) -> dict:
    """Bulk-issue `count` certificates with `workers` db_worker processes; see the module doc."""
    run = _shell(env, CREATE_RUN.format(count=count))["run"]
    logdir = Path(tempfile.mkdtemp(prefix="rtc-bulk-"))
    processes = _start_workers(env, workers, logdir)
    try:
        _wait_idle(processes)
        before = [_rss_mb(p.pid) for p in processes]
        cpu_before = [_cpu_s(p.pid) for p in processes]
        result = _shell(env, ISSUE_AND_WAIT.format(run=run, timeout=timeout))
        after = [_rss_mb(p.pid) for p in processes]
        cpu = sum(_cpu_s(p.pid) for p in processes) - sum(cpu_before)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
    return {
        "count": count,
        "workers": workers,
        "elapsed_s": round(result["elapsed_s"], 2),
        "queued_s": round(result["queued_s"], 2),
        "backlog_drained_s": round(result["drain_s"], 2),
        "issued": result["issued"],
        "failed": result["failed"],
        "pending": result["pending"],
        "worker_rss_before_mb": [round(value, 1) for value in before],
        "worker_rss_growth_mb": [round(a - b, 1) for a, b in zip(after, before, strict=True)],
        # The workers' CPU time, the steadier figure on a shared machine: with `workers` idle
        # cores the wall time would be about worker_cpu_s / workers (the backlog drained first).
        "worker_cpu_s": round(cpu, 1),
        "worker_cpu_per_certificate_ms": round(1000 * cpu / count, 1),
        "worker_logs": str(logdir),
    }


def report(result: dict) -> str:
    return (
        f"bulk issue: {result['issued']} issued, {result['failed']} failed, "
        f"{result['pending']} left, of {result['count']} by {result['workers']} workers in "
        f"{result['elapsed_s']:.1f} s (queueing {result['queued_s']:.1f} s; "
        f"{result['count'] / result['elapsed_s']:.1f} per second)\n"
        f"worker CPU: {result['worker_cpu_s']:.1f} s in all, "
        f"{result['worker_cpu_per_certificate_ms']:.0f} ms per certificate (e-mail task included)\n"
        f"worker memory: idle {', '.join(f'{v:.0f}' for v in result['worker_rss_before_mb'])} "
        f"MB, growth {', '.join(f'+{v:.1f}' for v in result['worker_rss_growth_mb'])} MB"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--database-url", help="a database to use (default: a scratch SQLite file, prepared)"
    )
    parser.add_argument(
        "--prepare", action="store_true", help="migrate and seed the given database first"
    )
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="rtc-bench-bulk-"))
    try:
        env = scratch_env(workdir, database_url=args.database_url)
        if args.prepare or not args.database_url:
            prepare_database(env)
        print(report(run_bulk(env, count=args.count, workers=args.workers)))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

"""A worker killed in the middle of a bulk certificate issue: every certificate is still issued
exactly once, and the bulk issue finishes once it is run again.

django-tasks-db leaves the task a killed worker was running in the RUNNING state for ever (no
worker claims it again), so its item would wait for ever; running the bulk issue again resumes
it (certificates.tasks.start_bulk_issue). The real test starts `db_worker` processes on a
SQLite file of its own and SIGKILLs one while it renders a certificate.
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from django.utils import timezone

import pytest

from certificates import services, tasks
from certificates.choices import BulkItemStatus, CertificateStatus
from certificates.models import Certificate
from courses.choices import EnrollmentStatus
from tests import factories

ROOT = Path(__file__).resolve().parents[2]
ENROLLMENTS = 6


@pytest.mark.django_db
def test_running_again_resumes_items_left_waiting(
    course, private_storage, staff_user, fake_certificate_pdf, django_capture_on_commit_callbacks
):
    run = factories.CourseRunFactory(
        course=course, certificate_template=factories.CertificateTemplateFactory()
    )
    factories.EnrollmentFactory.create_batch(3, run=run, status=EnrollmentStatus.COMPLETED)
    bulk = tasks.start_bulk_issue(run=run, by=staff_user)  # queued, never run: a dead worker
    first, second, _third = bulk.items.order_by("pk")
    services.process_bulk_item(item_id=first.pk)
    # The worker died after committing the second certificate, before recording the item.
    services.issue_certificate(enrollment=second.enrollment, by=staff_user)
    late = factories.EnrollmentFactory(
        run=run, status=EnrollmentStatus.COMPLETED, completed_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=True):
        again = tasks.start_bulk_issue(run=run, by=staff_user)
    assert again == bulk
    counts = bulk.counts()
    assert counts["issued"] == counts["done"] == counts["total"] == 4
    assert bulk.is_finished
    for enrollment in (*[item.enrollment for item in bulk.items.all()], late):
        assert enrollment.certificates.filter(status=CertificateStatus.VALID).count() == 1
    assert Certificate.objects.count() == 4


def _manage(env, *args, timeout=600):
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=timeout,
        text=True,
        capture_output=True,
    )


def _report(env) -> dict:
    return json.loads(_manage(env, "-m", "tests.faults.bulk_world", "report").stdout)


def _worker(env, name: str, logs: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--interval",
            "0.2",
            "--worker-id",
            name,
            "--no-startup-delay",
        ],
        cwd=ROOT,
        env=env,
        stdout=(logs / f"{name}.log").open("w"),
        stderr=subprocess.STDOUT,
    )


def _progress(database: Path) -> dict[str, int]:
    """Items by status and bulk tasks by state, read straight from the file (quick to poll)."""
    with closing(sqlite3.connect(database, timeout=30)) as db:
        items = dict(db.execute(ITEMS).fetchall())
        tasks = dict(db.execute(TASKS).fetchall())
    return {"issued": items.get("issued", 0), "pending": items.get("pending", 0), **tasks}


ITEMS = "SELECT status, COUNT(*) FROM certificates_bulkissueitem GROUP BY status"
TASKS = (
    "SELECT status, COUNT(*) FROM django_tasks_database_dbtaskresult "
    "WHERE task_path = 'certificates.tasks.issue_bulk_item' GROUP BY status"
)


def _wait(predicate, *, database: Path, timeout: float, what: str) -> dict[str, int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        facts = _progress(database)
        if predicate(facts):
            return facts
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}: {facts}")


def test_a_worker_killed_mid_issue_then_restarted_issues_each_certificate_once(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PYTHONPATH": str(ROOT),
    }
    _manage(env, "manage.py", "migrate", "--noinput", "-v0", timeout=900)
    _manage(env, "-m", "tests.faults.bulk_world", "setup", str(ENROLLMENTS))
    first = _worker(env, "first", tmp_path)
    try:
        # Kill it while it renders a certificate: some issued, one task running.
        _wait(
            lambda f: f["issued"] >= 2 and f.get("RUNNING"),
            database=database,
            timeout=600,
            what="the first certificates",
        )
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            first.kill()
    killed = _progress(database)
    assert killed["issued"] < ENROLLMENTS
    second = _worker(env, "second", tmp_path)
    try:
        _wait(lambda f: not f.get("READY"), database=database, timeout=600, what="the queue")
        _manage(env, "-m", "tests.faults.bulk_world", "again")  # staff press "Issue all" again
        _wait(
            lambda f: f["pending"] == 0 and not f.get("READY"),
            database=database,
            timeout=600,
            what="the bulk issue to finish",
        )
    finally:
        second.send_signal(signal.SIGTERM)
        try:
            second.wait(timeout=30)
        except subprocess.TimeoutExpired:
            second.kill()
    done = _report(env)
    (bulk,) = done["bulks"]
    assert bulk[BulkItemStatus.ISSUED] == bulk["total"] == ENROLLMENTS
    assert bulk["percent"] == 100
    assert done["certificates_per_enrollment"] == [1] * ENROLLMENTS

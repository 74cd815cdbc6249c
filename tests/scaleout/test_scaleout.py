"""Scale-out: two gunicorn servers, one RQ worker, our own Redis, the suite's PostgreSQL database.

Runs in CI's PostgreSQL pass (`DATABASE_URL=postgres://... make test`); skipped on SQLite. The
servers use the production settings with the database pytest created (the test data is committed:
transactional tests), a redis-server of our own on a free port, and the RQ task backend.
"""

import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from wagtail.users.models import UserProfile

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

from certificates.choices import CertificateStatus
from certificates.models import Certificate
from tests import factories
from tests.scaleout.cluster import (
    REDIS_SERVER,
    ROOT,
    Browser,
    Redis,
    free_port,
    gunicorn,
    rq_worker,
    wait_for,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PASSWORD = "scale-Out-passphrase-42"
LOCKED_OUT = "Too many failed login attempts"
TOTP_SECRET = factories.TOTP_SECRET


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] or "postgres"
    if db["PASSWORD"]:
        auth += f":{db['PASSWORD']}"
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _collect_static(env: dict) -> None:
    """Collect the static files the pages here use: the site's and Wagtail's admin (its pages
    name files through the manifest), not Django's admin nor the fonts (read from the source)."""
    ignored = ["admin", "mfa", "flags", "fonts", "pdf-fonts.css", "django_rq"]
    args = [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"]
    for pattern in ignored:
        args += ["-i", pattern]
    subprocess.run(args, cwd=ROOT, env=env, check=True, timeout=600, capture_output=True)


@pytest.fixture(scope="module")
def cluster(django_db_setup, django_db_blocker, tmp_path_factory):
    if connection.vendor != "postgresql":
        pytest.skip("scale-out test needs PostgreSQL: run with DATABASE_URL=postgres://...")
    if not Path(REDIS_SERVER).exists():
        pytest.skip(f"{REDIS_SERVER} is not installed")
    logs = tmp_path_factory.mktemp("scaleout")
    redis = Redis(logs)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "DJANGO_SETTINGS_MODULE": "training_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": _database_url(),
        "REDIS_URL": redis.url,
        "TASKS_BACKEND": "rq",
        "STATIC_ROOT": str(logs / "static"),
        "PRIVATE_MEDIA_ROOT": str(logs / "private"),
        "MEDIA_ROOT": str(logs / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOG_FORMAT": "json",
    }
    processes = []
    try:
        redis.start()
        _collect_static(env)
        ports = [free_port(), free_port()]
        servers = [
            gunicorn(name, port=port, env=env, logs=logs)
            for name, port in zip("AB", ports, strict=True)
        ]
        processes += servers
        worker = rq_worker(env=env, logs=logs)
        processes.append(worker)
        urls = [f"http://127.0.0.1:{port}" for port in ports]
        for url, server in zip(urls, servers, strict=True):
            try:
                wait_for(
                    lambda url=url: Browser().get(url, "/healthz")[0] == 200,
                    timeout=120,
                    what=f"server {server.name} healthy",
                )
            except TimeoutError as exc:
                raise AssertionError(f"{exc}\n{server.tail()}") from None
        yield {
            "A": urls[0],
            "B": urls[1],
            "redis": redis,
            "servers": servers,
            "worker": worker,
            "env": env,
        }
    finally:
        for process in processes:
            process.stop()
        redis.stop()
        shutil.rmtree(logs / "static", ignore_errors=True)


@pytest.fixture
def servers(cluster, home_pages):
    """Each test starts with an empty Redis: no counters, sessions or cached tree paths."""
    cluster["redis"].flushall()
    return cluster


def _account(factory=factories.TraineeFactory, **kwargs):
    """A user whose password hash the production hashers accept (tests hash with MD5)."""
    user = factory(**kwargs)
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, secrets.token_hex(8), iterations=1000)
    user.save(update_fields=["password"])
    return user


def _log_in(browser, server, email, password=PASSWORD):
    return browser.post_form(server, "/en/accounts/login/", {"login": email, "password": password})


def _log_in_with_two_factor(browser, server, email):
    """Password, then the current TOTP code on the page the login redirects to."""
    status, headers, _ = _log_in(browser, server, email)
    assert status == 302, "password accepted"
    second_step = headers["Location"]
    assert "2fa" in second_step, f"asked for the second factor, not {second_step}"
    code = format_hotp_value(hotp_value(TOTP_SECRET, int(time.time()) // 30))
    status, headers, _ = browser.post_form(server, second_step, {"code": code})
    assert status == 302 and "2fa" not in headers["Location"], "second factor accepted"


def test_a_trainee_logs_in_on_one_server_and_continues_on_the_other(servers):
    trainee = _account()
    browser = Browser()
    status, _, _ = _log_in(browser, servers["A"], trainee.email)
    assert status == 302, "login on A"
    assert "sessionid" in browser.cookies
    status, _, page = browser.get(servers["B"], "/en/accounts/email/")
    assert status == 200
    assert trainee.email in page
    # The session is read through the shared Redis, not only from the database.
    assert servers["redis"].keys("*django.contrib.sessions.cached_db*")


def test_failed_logins_spread_over_both_servers_lock_the_account(servers):
    trainee = _account()
    browser = Browser()
    for attempt in range(5):
        server = servers["AB"[attempt % 2]]
        status, _, page = _log_in(browser, server, trainee.email, password="wrong-password-1")
        assert status == 200
        assert "sessionid" not in browser.cookies
    # Three failures on A and two on B: locked as if on one server, even with the right password.
    status, _, page = _log_in(browser, servers["B"], trainee.email)
    assert LOCKED_OUT in page
    assert "sessionid" not in browser.cookies


def test_a_task_enqueued_on_one_server_is_run_by_the_worker_and_seen_on_the_other(servers):
    admin = _account(factories.SuperuserFactory)
    browser = Browser()
    assert _log_in(browser, servers["A"], admin.email)[0] == 302
    status, enqueued = browser.post_json(servers["A"], "/ops/task-probe/")
    assert status == 202, enqueued
    assert enqueued["status"] == "READY"

    def finished():
        status, result = browser.get_json(servers["B"], f"/ops/task-probe/{enqueued['id']}/")
        return result if status == 200 and result["status"] == "SUCCESSFUL" else None

    try:
        result = wait_for(finished, timeout=90, what="probe task finished")
    except TimeoutError as exc:
        raise AssertionError(f"{exc}\n{servers['worker'].tail()}") from None
    assert result["id"] == enqueued["id"]
    assert len(result["return_value"]) == 16
    # The worker's JSON log follows the task by id.
    assert enqueued["id"] in servers["worker"].log_path.read_text()


PROGRESS = re.compile(r"Issued: (\d+) · Failed: (\d+) · Waiting: (\d+)")


def test_a_bulk_certificate_issue_started_on_one_server_is_followed_on_the_other(
    servers, course_index
):
    staff = _account(factories.StaffFactory)
    factories.TOTPAuthenticatorFactory(user=staff)
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = "en"  # the progress line below is read in English
    profile.save()
    course = factories.CoursePageFactory(parent=course_index)
    template = factories.CertificateTemplateFactory()
    run = factories.CourseRunFactory(course=course, certificate_template=template)
    enrollments = [
        factories.CompletedEnrollmentFactory(run=run, user=factories.TraineeFactory())
        for _ in range(3)
    ]
    page = f"/admin/certificates/issue/run/{run.public_id}/"
    browser = Browser()
    _log_in_with_two_factor(browser, servers["A"], staff.email)
    status, headers, text = browser.get(servers["A"], page)
    assert status == 200, f"{status} {headers.get('Location')} {text[:300]}"
    # Staff press "Issue all missing certificates" on server A ...
    status, headers, _ = browser.post_form(servers["A"], page, {"action": "issue_all"})
    assert status == 302, "bulk issue started"

    # ... the RQ worker issues them, and server B's page shows the progress to the end.
    def finished():
        status, _, text = browser.get(servers["B"], page)
        match = PROGRESS.search(text) if status == 200 else None
        return match.groups() if match and match.group(3) == "0" else None

    try:
        issued, failed, waiting = wait_for(finished, timeout=180, what="bulk issue finished")
    except TimeoutError as exc:
        raise AssertionError(f"{exc}\n{servers['worker'].tail()}") from None
    assert (issued, failed, waiting) == ("3", "0", "0")
    certificates = Certificate.objects.filter(enrollment__in=enrollments)
    assert {c.status for c in certificates} == {CertificateStatus.VALID}
    assert len(certificates) == 3
    # Each PDF is in the private storage all the processes share, and B serves it to staff.
    for certificate in certificates:
        status, headers, _ = browser.get(servers["B"], certificate.download_path())
        assert status == 200
        assert headers["Content-Type"] == "application/pdf"


def test_redis_outage_degrades_health_but_pages_render_and_recover(servers):
    trainee = _account()
    browser = Browser()
    assert _log_in(browser, servers["A"], trainee.email)[0] == 302
    redis = servers["redis"]
    redis.stop()
    try:
        for name in "AB":
            status, health = browser.get_json(servers[name], "/healthz")
            assert status == 503
            assert health["checks"] == {"database": "ok", "cache": "down", "tasks": "down"}
        # Degraded, not down: public pages render and the session survives (kept in the DB).
        assert browser.get(servers["A"], "/en/")[0] == 200
        status, _, page = browser.get(servers["B"], "/en/accounts/email/")
        assert status == 200
        assert trainee.email in page
    finally:
        redis.start()
    for name in "AB":
        wait_for(
            lambda name=name: browser.get(servers[name], "/healthz")[0] == 200,
            timeout=30,
            what=f"server {name} healthy again",
        )


PUBLISH = """
from training_site.models import HomePage
page = HomePage.objects.get(pk={pk})
page.hero_title = "Published while both servers had it cached"
page.save_revision().publish()
"""


def test_publishing_a_page_purges_the_page_cache_on_both_servers(servers, home_pages):
    browser = Browser()
    for _ in range(2):  # the first request creates the centre's settings row (itself a purge)
        browser.get(servers["A"], "/en/")
    status, headers, _ = browser.get(servers["B"], "/en/")
    assert status == 200
    assert headers.get("X-Page-Cache") == "hit", "server B serves the page server A cached"
    # Publish through the application's own code path, with the cluster's settings (Redis).
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PUBLISH.format(pk=home_pages["en"].pk)],
        cwd=ROOT,
        env=servers["env"],
        check=True,
        timeout=180,
        capture_output=True,
    )
    status, headers, text = browser.get(servers["A"], "/en/")
    assert headers.get("X-Page-Cache") == "miss", "the old copy was dropped"
    assert "Published while both servers had it cached" in text
    # B never serves the old copy: it gets the new page (from A's fresh copy or its own).
    status, headers, text = browser.get(servers["B"], "/en/")
    assert status == 200
    assert "Published while both servers had it cached" in text

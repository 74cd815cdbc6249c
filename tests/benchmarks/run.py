"""`make bench`: run every benchmark on this machine and write docs/performance.md.

1. Page throughput: gunicorn (2 workers) on a scratch demo database, `wrk` on loopback, 8
   connections, BENCH_SECONDS (20) per page; the control is a bare Django "hello" view. The cache
   is Redis (BENCH_REDIS_URL, database 12 by default, emptied first), as in production.
2. Queries per page with few and many courses (1 and 30 enrollments for the dashboard).
3. Certificate rendering against a bare WeasyPrint page (tests/benchmarks/bench_certificates.py).
4. Bulk issue of 500 certificates by 2 workers while a page is under load
   (tests/benchmarks/bench_bulk.py).
5. The enrollment race on PostgreSQL (tests/benchmarks/bench_race.py).

Timings live only here, never in the test suite.
"""

import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
SECONDS = int(os.environ.get("BENCH_SECONDS", "20"))
CONNECTIONS = 8
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("RESULT %f %d %d %d %d\\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), summary.errors.status, summary.requests))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB memory, {platform.system()} "
        f"{platform.release()}, Python {platform.python_version()}"
    )


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else None


def prepare(env) -> dict:
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "seed_demo")
    out = manage(env, "shell", "-c", PREPARE_SNIPPET, capture=True)
    return json.loads(out.strip().splitlines()[-1])


PREPARE_SNIPPET = """
import json
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from courses.models import CourseIndexPage, CoursePage
client = Client()
user = get_user_model().objects.get(email="trainee@example.org")
client.force_login(user)
course = CoursePage.objects.filter(locale__language_code="en", live=True).first()
index = CourseIndexPage.objects.filter(locale__language_code="en").first()
lesson = None
try:
    from courses.models import LessonPage
    lesson = LessonPage.objects.filter(locale__language_code="en", live=True).first()
except ImportError:
    pass
from courses.models import ImpactPage
impact = ImpactPage.objects.filter(locale__language_code="en").first()
print(json.dumps({
    "cookie": f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}",
    "impact": impact.url if impact else None,
    "catalogue": index.url if index else None,
    "course": course.url if course else None,
    "lesson": lesson.url if lesson else None,
}))
"""


@contextmanager
def gunicorn(env, port):
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "tests.benchmarks.wsgi:application",
            "-w",
            "2",
            "-b",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=20)


def _wrk_command(url: str, cookie: str | None, seconds: int) -> tuple[list[str], str]:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "-s", script.name, url]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    return command, script.name


def _wrk_result(output: str) -> dict:
    line = next(item for item in output.splitlines() if item.startswith("RESULT"))
    rps, p50, p95, errors, total = line.split()[1:]
    return {
        "rps": float(rps),
        "p50_ms": int(p50) / 1000,
        "p95_ms": int(p95) / 1000,
        "non_2xx": int(errors),
        "requests": int(total),
    }


def wrk(url: str, *, cookie: str | None = None, seconds: int = SECONDS) -> dict:
    command, script = _wrk_command(url, cookie, seconds)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(script)
    return _wrk_result(output)


def bulk_under_load(env, urls) -> str:
    """Item 4: 500 certificates issued by 2 workers while wrk loads a page on the same database;
    the page's p95 during the issue against its p95 alone, in the same gunicorn."""
    try:
        from tests.benchmarks.bench_bulk import report, run_bulk
    except ImportError:
        return "`tests/benchmarks/bench_bulk.py` is not present."
    page, cookie = urls["course"], urls["cookie"]
    port = free_port()
    with gunicorn(env, port) as base:
        wrk(base + page, cookie=cookie, seconds=2)
        alone = wrk(base + page, cookie=cookie)
        command, script = _wrk_command(base + page, cookie, 900)
        load = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
        try:
            result = run_bulk(env, count=500, workers=2)
        finally:
            load.send_signal(signal.SIGINT)  # wrk prints its summary when interrupted
            output, _ = load.communicate(timeout=30)
            os.unlink(script)
        during = _wrk_result(output)
    ratio = during["p95_ms"] / alone["p95_ms"] if alone["p95_ms"] else 0
    return (
        "500 certificates issued by 2 workers (`db_worker`) on the bench database while wrk "
        f"requests the course page as a signed-in trainee ({CONNECTIONS} connections). Targets: "
        "at most 20 s, at most 50 MB growth per worker, page p95 during the issue at most 2x "
        "its p95 without it.\n\n```\n"
        + report(result)
        + f"\npage alone:         {alone['rps']:.0f} requests/s, p95 {alone['p95_ms']:.1f} ms"
        + f"\npage during issue:  {during['rps']:.0f} requests/s, p95 {during['p95_ms']:.1f} ms"
        + f" ({ratio:.2f}x)\n```"
    )


def page_throughput(env, urls) -> list[dict]:
    port = free_port()
    rows = []
    with gunicorn(env, port) as base:
        targets = [
            ("control: Django hello view", "/bench/hello/", None),
            ("home (anonymous, cached)", "/en/", None),
        ]
        for name, key in (("catalogue", "catalogue"), ("course page", "course")):
            if urls.get(key):
                targets.append((f"{name} (anonymous, cached)", urls[key], None))
                targets.append((f"{name} (uncached: logged in)", urls[key], urls["cookie"]))
        if urls.get("impact"):
            targets.append(("impact (anonymous, cached)", urls["impact"], None))
        if urls.get("lesson"):
            targets.append(("lesson page (trainee)", urls["lesson"], urls["cookie"]))
        targets.append(("dashboard (trainee)", "/en/my/", urls["cookie"]))
        for name, path, cookie in targets:
            wrk(base + path, cookie=cookie, seconds=2)  # warm up (fills the page cache)
            result = wrk(base + path, cookie=cookie)
            rows.append({"page": name, "path": path, **result})
    control = rows[0]["rps"]
    for row in rows:
        row["ratio"] = row["rps"] / control if control else 0
    return rows


def markdown(rows, extra_sections) -> str:
    lines = [
        "# Performance",
        "",
        f"Measured by `make bench` on {time.strftime('%Y-%m-%d')}: {machine()}.",
        "",
        "## Page throughput",
        "",
        f"gunicorn with 2 workers, wrk on loopback with {CONNECTIONS} connections, {SECONDS} s per "
        "page, demo data. Targets: cached anonymous pages at least 0.60 of the control, uncached "
        "pages at least 0.04.",
        "",
        "| page | requests/s | p50 ms | p95 ms | non-2xx | ratio to control |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['page']} | {row['rps']:.0f} | {row['p50_ms']:.1f} | {row['p95_ms']:.1f} | "
            f"{row['non_2xx']} | {row['ratio']:.2f} |"
        )
    for title, body in extra_sections:
        lines += ["", f"## {title}", "", body]
    return "\n".join(lines) + "\n"


def run_module(module: str, env) -> str:
    path = ROOT / (module.replace(".", "/") + ".py")
    if not path.exists():
        return f"`{module}` is not present."
    result = subprocess.run(
        [PYTHON, "-m", module], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or f"failed:\n\n```\n{result.stderr[-2000:]}\n```"


def redis_url() -> str:
    """The bench's own Redis database, emptied first; no Redis means the database cache."""
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1).flushdb()
    except Exception:
        return ""
    return url


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="rtc-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.benchmarks.settings",
        "DATABASE_URL": os.environ.get(
            "BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}"
        ),
        "MEDIA_ROOT": str(workdir / "media"),
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "PYTHONPATH": str(ROOT),
        "REDIS_URL": redis_url(),
    }
    os.environ["BENCH_CACHE"] = "redis" if env["REDIS_URL"] else "database"
    try:
        urls = prepare(env)
        rows = page_throughput(env, urls)
        sections = [
            ("Bulk issue under page load", bulk_under_load(env, urls)),
            ("Queries per page", run_module("tests.benchmarks.bench_queries", env)),
            (
                "Enrollment race on PostgreSQL",
                "8 processes apply 25 officials each to a run with 20 seats, at the same time. "
                "Target: exactly 20 places given.\n\n"
                + run_module("tests.benchmarks.bench_race", env),
            ),
            (
                "Certificate rendering",
                "Median and p95 per certificate against a bare WeasyPrint page with the same "
                "fonts, in the same process (target: at most 1.5x), and memory over repeated "
                "renders (target: at most 50 MB growth over 500).\n\n```\n"
                + run_module("tests.benchmarks.bench_certificates", env)
                + "\n```",
            ),
        ]
        report = markdown(rows, sections)
        (ROOT / "docs").mkdir(exist_ok=True)
        (ROOT / "docs" / "performance.md").write_text(report)
        print(report)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()

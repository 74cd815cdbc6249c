"""Processes for the scale-out test: our own redis-server, gunicorn servers and an RQ worker."""

import contextlib
import http.cookies
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REDIS_SERVER = "/usr/bin/redis-server"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, *, timeout: float, what: str, interval: float = 0.3):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = predicate()
            if last:
                return last
        except Exception as exc:  # not up yet: refused, reset, not ready
            last = exc
        time.sleep(interval)
    raise TimeoutError(f"{what} not reached within {timeout}s (last: {last!r})")


class Process:
    """A child process in its own session, its output in a log file, stopped on demand."""

    def __init__(self, name: str, args: list[str], *, env: dict, logs: Path):
        self.name = name
        self.log_path = logs / f"{name}.log"
        self._log = self.log_path.open("ab")
        self.popen = subprocess.Popen(
            args,
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def stop(self) -> None:
        if self.popen.poll() is None:
            try:
                os.killpg(self.popen.pid, signal.SIGTERM)
                self.popen.wait(timeout=15)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(timeout=5)
        self._log.close()

    def tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class Redis:
    def __init__(self, logs: Path):
        self.port = free_port()
        self.logs = logs
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: Process | None = None

    def start(self) -> None:
        self.process = Process(
            "redis",
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--protected-mode",
                "yes",
            ],
            env=dict(os.environ),
            logs=self.logs,
        )
        wait_for(self.ping, timeout=20, what="redis-server answering PING")

    def stop(self) -> None:
        if self.process:
            self.process.stop()
            self.process = None

    def ping(self) -> bool:
        import redis

        return bool(redis.Redis.from_url(self.url, socket_connect_timeout=1).ping())

    def flushall(self) -> None:
        import redis

        redis.Redis.from_url(self.url, socket_connect_timeout=1).flushall()

    def keys(self, pattern: str) -> list[bytes]:
        import redis

        return redis.Redis.from_url(self.url, socket_connect_timeout=1).keys(pattern)


def gunicorn(name: str, *, port: int, env: dict, logs: Path) -> Process:
    server_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_TIMEOUT": "120",
    }
    return Process(
        name,
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "training_site/gunicorn.conf.py",
            "training_site.wsgi",
        ],
        env=server_env,
        logs=logs,
    )


def rq_worker(*, env: dict, logs: Path) -> Process:
    return Process(
        "rqworker",
        [sys.executable, "manage.py", "rqworker", "--job-class", "django_tasks_rq.Job", "default"],
        env=env,
        logs=logs,
    )


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A minimal HTTP client with one cookie jar, usable against any of the servers.

    Cookies are kept by hand: the servers mark them Secure (production settings), and behind the
    proxy the browser would send them over HTTPS; here the test talks plain HTTP to loopback.
    """

    def __init__(self):
        self.cookies: dict[str, str] = {}
        self._opener = urllib.request.build_opener(_NoRedirect)

    def request(self, base: str, path: str, *, data: dict | None = None, headers=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            base + path, data=body, method="GET" if data is None else "POST"
        )
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            response = self._opener.open(request, timeout=60)
        except urllib.error.HTTPError as error:
            response = error
        with response:
            text = response.read().decode("utf-8", errors="replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie = http.cookies.SimpleCookie(header)
                for key, morsel in cookie.items():
                    if morsel["max-age"] == "0" or morsel.value == "":
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value
            return response.status, response.headers, text

    def get(self, base: str, path: str, **kwargs):
        return self.request(base, path, **kwargs)

    def post_form(self, base: str, path: str, data: dict):
        """Fetch the form's page for a CSRF token, then post it."""
        _, _, page = self.get(base, path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        assert match, f"no CSRF token on {path}"
        return self.request(base, path, data={"csrfmiddlewaretoken": match.group(1), **data})

    def post_json(self, base: str, path: str):
        status, _, text = self.request(
            base, path, data={}, headers={"X-CSRFToken": self.cookies.get("csrftoken", "")}
        )
        return status, json.loads(text) if text.startswith("{") else text

    def get_json(self, base: str, path: str):
        status, _, text = self.get(base, path)
        return status, json.loads(text) if text.startswith("{") else text

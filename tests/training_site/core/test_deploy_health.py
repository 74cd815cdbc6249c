"""/healthz, the task probe, request ids and JSON log lines."""

import json
import logging
import socket

from django.test import override_settings

import pytest

from tests import factories
from training_site.core import health
from training_site.core.observability import JsonFormatter

pytestmark = pytest.mark.django_db


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_healthz_reports_each_component_without_configuration(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "tasks": "ok"},
    }
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_redis_is_unreachable(client):
    dead_redis = f"redis://127.0.0.1:{_free_port()}/0"
    caches = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": dead_redis,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 1},
        }
    }
    with override_settings(CACHES=caches):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "ok", "cache": "down", "tasks": "ok"}
    body = response.content.decode()
    assert "127.0.0.1" not in body
    assert "redis" not in body.lower()


def test_healthz_answers_503_when_the_database_fails(client, monkeypatch):
    def broken():
        raise ConnectionError("server at 10.0.0.5:5432 refused the connection")

    monkeypatch.setitem(health.CHECKS, "database", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == "down"
    assert "10.0.0.5" not in response.content.decode()


def test_healthz_is_cheap(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        client.get("/healthz")


def test_task_probe_runs_a_task_for_superusers_only(client):
    # Not found for anyone else (Django then tries the language-prefixed path: still not found).
    assert client.post("/ops/task-probe/", follow=True).status_code == 404
    client.force_login(factories.StaffFactory())
    assert client.post("/ops/task-probe/", follow=True).status_code == 404
    client.force_login(factories.SuperuserFactory())
    response = client.post("/ops/task-probe/")
    assert response.status_code == 202
    # The immediate backend of the tests runs it at once (the scale-out test reads results back).
    assert response.json()["status"] == "SUCCESSFUL"
    assert len(response.json()["return_value"]) == 16


def test_request_id_is_kept_when_sane_and_replaced_when_not(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a9c21-0001")
    assert response["X-Request-ID"] == "lb-7f3a9c21-0001"
    response = client.get("/healthz", HTTP_X_REQUEST_ID='bad id"<script>')
    assert response["X-Request-ID"] != 'bad id"<script>'
    assert len(response["X-Request-ID"]) == 32


def _json_lines(caplog, logger_name):
    formatter = JsonFormatter()
    return [
        json.loads(formatter.format(record))
        for record in caplog.records
        if record.name == logger_name
    ]


def test_one_json_line_per_request_with_user_id_and_no_email(client, home_pages, caplog):
    user = factories.UserFactory(email="amina.private@example.org")
    client.force_login(user)
    with caplog.at_level(logging.INFO, logger="training_site.requests"):
        response = client.get("/en/?q=secret", HTTP_X_REQUEST_ID="req-12345678")
    (line,) = _json_lines(caplog, "training_site.requests")
    assert line["event"] == "request"
    assert line["method"] == "GET"
    assert line["path"] == "/en/"
    assert line["status"] == response.status_code == 200
    assert line["request_id"] == "req-12345678"
    assert line["user_id"] == user.pk
    assert isinstance(line["duration_ms"], float)
    assert "amina.private" not in json.dumps(line)
    assert "secret" not in json.dumps(line)


def test_tasks_log_start_and_finish_tied_to_the_request(client, caplog):
    client.force_login(factories.SuperuserFactory())
    with caplog.at_level(logging.INFO, logger="training_site.core.tasks"):
        response = client.post("/ops/task-probe/", HTTP_X_REQUEST_ID="req-abcdef12")
    lines = _json_lines(caplog, "training_site.core.tasks")
    events = [line["event"] for line in lines]
    assert events == ["task_enqueued", "task_started", "task_finished"]
    task_id = response.json()["id"]
    assert {line["task_id"] for line in lines} == {task_id}
    assert lines[0]["request_id"] == "req-abcdef12"
    assert lines[0]["task"] == "training_site.core.tasks.probe_task"
    assert lines[-1]["status"] == "SUCCESSFUL"

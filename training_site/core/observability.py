"""Structured logs: one JSON line per request and per task, tied together by a request id.

- `RequestLogMiddleware` (first in MIDDLEWARE) takes the request id from `X-Request-ID` when it
  is sane, else generates one, returns it in the `X-Request-ID` response header and logs
  `{"event": "request", "method", "path", "status", "duration_ms", "request_id", "user_id"}`.
- Task signals log `task_enqueued` (with the id of the request that enqueued it), `task_started`
  and `task_finished` (with status and duration): follow a request into its tasks through
  `task_id`.
- `JsonFormatter` renders any log record as one JSON object per line (production's format).

No personal data: the user is logged by primary key only, the path without its query string.
"""

import contextvars
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime

from django.utils.functional import empty

from django_tasks.signals import task_enqueued, task_finished, task_started

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)
request_logger = logging.getLogger("training_site.requests")
task_logger = logging.getLogger("training_site.core.tasks")

_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
_RECORD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime", "taskName"}


def sane_request_id(value: str | None) -> str | None:
    """A proxy's request id if it is a plausible token (no spaces, quotes or control chars)."""
    if value and _SANE_REQUEST_ID.match(value):
        return value
    return None


def current_request_id() -> str | None:
    return request_id_var.get()


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the record's extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        data = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                data[key] = value
        if "request_id" not in data and (request_id := current_request_id()):
            data["request_id"] = request_id
        if record.exc_info:
            data["exc_info"] = self.formatException(record.exc_info)
        return json.dumps(data, default=str, ensure_ascii=False)


def _user_id(request) -> int | None:
    """The user's primary key if the request already loaded the user (no extra queries)."""
    user = request.__dict__.get("user")
    if user is None or getattr(user, "_wrapped", None) is empty:
        return None
    return user.pk if getattr(user, "is_authenticated", False) else None


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = sane_request_id(request.headers.get("X-Request-ID")) or uuid.uuid4().hex
        request.request_id = request_id
        token = request_id_var.set(request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            request_logger.info(
                "%s %s %s %sms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={
                    "event": "request",
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "request_id": request_id,
                    "user_id": _user_id(request),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


# Task signals -------------------------------------------------------------------------------

_task_clock: dict[str, float] = {}


def _task_fields(task_result) -> dict:
    fields = {"task": task_result.task.module_path, "task_id": str(task_result.id)}
    if request_id := current_request_id():  # enqueued (or run at once) during a request
        fields["request_id"] = request_id
    return fields


def log_task_enqueued(sender, task_result, **kwargs) -> None:
    task_logger.info(
        "task enqueued %s",
        task_result.task.module_path,
        extra={"event": "task_enqueued", **_task_fields(task_result)},
    )


def log_task_started(sender, task_result, **kwargs) -> None:
    _task_clock[str(task_result.id)] = time.perf_counter()
    task_logger.info(
        "task started %s",
        task_result.task.module_path,
        extra={"event": "task_started", **_task_fields(task_result)},
    )


def log_task_finished(sender, task_result, **kwargs) -> None:
    started = _task_clock.pop(str(task_result.id), None)
    duration_ms = round((time.perf_counter() - started) * 1000, 1) if started else None
    status = getattr(task_result.status, "value", str(task_result.status))
    task_logger.log(
        logging.ERROR if status == "FAILED" else logging.INFO,
        "task finished %s %s",
        task_result.task.module_path,
        status,
        extra={
            "event": "task_finished",
            "status": status,
            "duration_ms": duration_ms,
            **_task_fields(task_result),
        },
    )


def connect_task_signals() -> None:
    task_enqueued.connect(log_task_enqueued, dispatch_uid="training_site.log_task_enqueued")
    task_started.connect(log_task_started, dispatch_uid="training_site.log_task_started")
    task_finished.connect(log_task_finished, dispatch_uid="training_site.log_task_finished")

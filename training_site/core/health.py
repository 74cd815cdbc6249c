"""Health and operations probes for load balancers and the IT team.

`/healthz` answers 200 when the database, the cache and the task queue all respond, else 503, with
only `ok`/`down` per component: no hosts, URLs, versions or error text.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from django_tasks import task_backends
from django_tasks.exceptions import TaskResultDoesNotExist

from training_site.core.tasks import probe_task

logger = logging.getLogger(__name__)


def _database() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def _cache() -> bool:
    # django-redis ignores connection errors (IGNORE_EXCEPTIONS): a lost write reads back as None.
    key, value = f"healthz:{secrets.token_hex(8)}", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    ok = cache.get(key) == value
    cache.delete(key)
    return ok


def _task_queue() -> bool:
    backend = task_backends["default"]
    backend_path = type(backend).__module__
    if backend_path.startswith("django_tasks_rq"):
        import django_rq  # installed with the rq backend only

        return bool(django_rq.get_connection(sorted(backend.queues)[0]).ping())
    if backend_path.startswith("django_tasks_db"):
        return _database()
    return True  # immediate or dummy backend: nothing separate to reach


CHECKS = {"database": _database, "cache": _cache, "tasks": _task_queue}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "down"
        except Exception:
            logger.warning("health check %s failed", name, exc_info=True)
            results[name] = "down"
    healthy = all(state == "ok" for state in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "down", "checks": results}, status=200 if healthy else 503
    )


def _require_superuser(request: HttpRequest) -> None:
    if not (request.user.is_authenticated and request.user.is_superuser):
        raise Http404


@never_cache
@require_http_methods(["POST"])
def task_probe(request: HttpRequest) -> JsonResponse:
    """Enqueue a no-op task, to prove end to end that workers take work (superusers only)."""
    _require_superuser(request)
    return JsonResponse(_describe(probe_task.enqueue(token=secrets.token_hex(8))), status=202)


@never_cache
@require_GET
def task_probe_result(request: HttpRequest, result_id: str) -> JsonResponse:
    _require_superuser(request)
    try:
        result = probe_task.get_result(result_id)
    except (TaskResultDoesNotExist, NotImplementedError, ValueError, TypeError) as exc:
        raise Http404 from exc
    return JsonResponse(_describe(result))


def _describe(result) -> dict:
    status = getattr(result.status, "value", str(result.status))
    value = result.return_value if status == "SUCCESSFUL" else None
    return {"id": str(result.id), "status": status, "return_value": value}

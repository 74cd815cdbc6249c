"""A per-address limit on verification look-ups, counted in the shared cache (all processes)."""

import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 600


def client_address(request) -> str:
    """The client's address. Behind a proxy, the proxy must set REMOTE_ADDR (e.g. gunicorn's
    forwarded-allow-ips); we do not trust X-Forwarded-For from the client."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def limit() -> int:
    return getattr(settings, "CERTIFICATE_VERIFY_LIMIT", 60)


def allow(request, scope: str = "verify") -> bool:
    """Count this request; False once the address has made `limit()` look-ups in the window."""
    window = int(time.time() // WINDOW_SECONDS)
    key = f"cert-throttle:{scope}:{client_address(request)}:{window}"
    cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
        count = 1
    return count <= limit()

"""The project's one rate limiter: fixed windows counted in the shared cache (every process).

Each limit is declared once with `Limit(...)`, which registers it, and counted with `allow()`.
A limit per client address always takes the address from `training_site.core.client_ip` (the tests
find every declared limit and check that it does). allauth keeps its own limiter for sign-in,
fed with the same address through the account adapter.
"""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest

from training_site.core.client_ip import client_ip

LIMITS: dict[str, "Limit"] = {}


@dataclass(frozen=True)
class Limit:
    """At most `count()` events per value within `window` seconds; `per` names what the value
    is: "client" (the client address, with or without a prefix) or another key (an e-mail)."""

    scope: str
    count: Callable[[], int]
    window: int
    per: str = "client"

    def __post_init__(self):
        LIMITS[self.scope] = self


def _cache_key(limit: Limit, value: str, window_number: int) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{limit.scope}:{digest}:{window_number}"


def allow(limit: Limit, value: str) -> bool:
    """Count one event for `value`; False once `value` has gone over the limit in this window."""
    window_number = int(time.time() // limit.window)
    key = _cache_key(limit, value or "unknown", window_number)
    cache.add(key, 0, timeout=limit.window * 2)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=limit.window * 2)
        count = 1
    return count <= limit.count()


def allow_client(limit: Limit, request: HttpRequest) -> bool:
    """Count one event for the request's client address (see `training_site.core.client_ip`)."""
    return allow(limit, client_ip(request))

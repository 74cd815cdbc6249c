"""Whole-page cache for anonymous visitors, shared by every app server through the cache.

Pages opt in with `CachedPageMixin`. A response is stored only for an anonymous GET without
messages, when it sets no cookie; the key is the full URL (so the language prefix and the
catalogue's filters are part of it) plus a site-wide generation number. Publishing or changing
anything a page shows bumps the generation (see `purge`), so every server drops its copies at once.
Logged-in users are never served from, nor stored into, this cache.
"""

import hashlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse

GENERATION_KEY = "page-cache:generation"
MAX_QUERY_LENGTH = 300


def _generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        value = cache.get(GENERATION_KEY) or 1
    return value


def purge() -> None:
    """Invalidate every cached page on every server."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _key(request) -> str:
    # Host without port: app servers behind one load balancer share their copies.
    url = request.get_host().rsplit(":", 1)[0] + request.get_full_path()
    digest = hashlib.sha256(url.encode()).hexdigest()
    return f"page-cache:{_generation()}:{digest}"


def _cacheable_request(request) -> bool:
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
        and not getattr(request, "is_preview", False)
        and not list(get_messages(request))
    )


class CachedPageMixin:
    """Serve anonymous visitors from the shared cache."""

    cache_timeout = getattr(settings, "PAGE_CACHE_SECONDS", 600)

    def serve(self, request, *args, **kwargs):
        if not _cacheable_request(request):
            return super().serve(request, *args, **kwargs)
        cached = cache.get(_key(request))
        if cached is not None:
            content, content_type = cached
            response = HttpResponse(content, content_type=content_type)
            response["X-Page-Cache"] = "hit"
            return response
        response = super().serve(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if response.status_code == 200 and not response.cookies:
            cache.set(
                _key(request), (response.content, response["Content-Type"]), self.cache_timeout
            )
            response["X-Page-Cache"] = "miss"
        return response

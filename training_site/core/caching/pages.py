"""Whole-page cache for anonymous visitors, shared by every app server through the cache.

Pages opt in with `CachedPageMixin`, which marks the responses it may share. `PageCacheMiddleware`
sits in front of the session, locale and authentication middleware: a visitor who carries no
session or messages cookie is served a stored copy without routing, sessions or templates, which
is what makes a cached page nearly as cheap as an empty view.

A copy is stored only for an anonymous GET of a language-prefixed URL, without messages, whose
response sets no cookie (a page that hands out a CSRF token is never shared). The key is the host
(without port, so app servers behind one balancer share copies) and the full path (so the language
and the catalogue's filters are part of it). Each copy carries the site-wide generation it was made
in (a `Version`); publishing or changing anything a page shows bumps it (`purge`, wired in
training_site.core.caching.invalidation), so every server drops its copies at once. Signed-in users are never served from, nor stored into, this cache.
"""

import hashlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse

from training_site.core.caching.versions import Version

GENERATION = Version("page-cache")
MAX_QUERY_LENGTH = 300
# Headers set by the middleware in front of this one are set again on every response.
_UNSTORED_HEADERS = {"set-cookie", "x-page-cache", "x-request-id", "content-length"}


def timeout() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


def generation() -> str:
    return GENERATION.current()


def purge(**_signal_kwargs) -> None:
    """Invalidate every cached page on every server."""
    GENERATION.bump()


def _language_prefixes() -> tuple[str, ...]:
    return tuple(f"/{code}/" for code, _name in settings.LANGUAGES)


def _page_key(request) -> str:
    url = request.get_host().rsplit(":", 1)[0] + request.get_full_path()
    return "page-cache:" + hashlib.sha256(url.encode()).hexdigest()


def eligible(request) -> bool:
    """A request that may be answered from, or stored into, the shared cache."""
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and timeout() > 0
        and request.path.startswith(_language_prefixes())
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _lookup(request) -> HttpResponse | None:
    key = _page_key(request)
    found = cache.get_many([GENERATION.cache_key, key])
    stored = found.get(key)
    if stored is None or stored[0] != found.get(GENERATION.cache_key):
        return None
    _generation, content, headers = stored
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def _store(request, response, made_in) -> None:
    headers = [
        (name, value) for name, value in response.items() if name.lower() not in _UNSTORED_HEADERS
    ]
    cache.set(_page_key(request), (made_in, response.content, headers), timeout())
    response["X-Page-Cache"] = "miss"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not eligible(request):
            return self.get_response(request)
        hit = _lookup(request)
        if hit is not None:
            return hit
        # Read the generation before rendering: a purge during the render makes this copy stale.
        current = generation()
        response = self.get_response(request)
        if (
            getattr(response, "shareable_page", False)
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
        ):
            _store(request, response, current)
        return response


def _shareable(page, request) -> bool:
    allowed = page.page_cache_query_params
    return (
        not request.user.is_authenticated
        and not getattr(request, "is_preview", False)
        and set(request.GET) <= allowed
        and not list(get_messages(request))
    )


class CachedPageMixin:
    """Let `PageCacheMiddleware` share this page's anonymous responses.

    `page_cache_query_params` names the query parameters the page understands; a URL with any
    other parameter is rendered but not stored, so made-up URLs cannot fill the cache.
    """

    page_cache_query_params: frozenset[str] = frozenset()

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if _shareable(self, request):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response.shareable_page = True
        return response

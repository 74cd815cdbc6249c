"""A shared cache for the page chrome (menus, language links, partners) and other small lists
that every request needs. Entries are keyed by a content version that changes whenever a page is
published or a topic, site setting or partner is saved or deleted (the table in
training_site.core.caching.invalidation), so nothing stale outlives an edit."""

from collections.abc import Callable

from django.core.cache import cache

from training_site.core.caching.versions import Version

TIMEOUT = 60 * 15
CONTENT = Version("content", per_request=True)


def content_version() -> str:
    return CONTENT.current()


def bump_content_version(**_signal_kwargs) -> None:
    CONTENT.bump()


class ContentVersionMiddleware:
    """Read the content version once per request instead of once per cached fragment."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with CONTENT.read_once():
            return self.get_response(request)


def cached(parts, compute: Callable, timeout: int = TIMEOUT):
    """`compute()` once per content version and key parts."""
    key = CONTENT.key(*parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value

"""A shared cache for the page chrome (menus, language links, partners) and other small lists
that every request needs. Entries are keyed by a content version that changes whenever a page,
topic, site setting or partner is saved or deleted, so nothing stale outlives an edit."""

import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

VERSION_KEY = "content-version"
TIMEOUT = 60 * 15
WATCHED = {
    "training_site.CentreSettings",
    "training_site.PartnerLogo",
    "courses.Topic",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailimages.Image",
    "courses.CourseInstructor",
}


# Within one request the version is read from the cache once (see ContentVersionMiddleware):
# None outside a request, "" in a request that has not read it yet.
_request_version: ContextVar[str | None] = ContextVar("content_version", default=None)


def content_version() -> str:
    memo = _request_version.get()
    if memo:
        return memo
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    if memo is not None:
        _request_version.set(version)
    return version


def bump_content_version() -> None:
    version = uuid.uuid4().hex
    cache.set(VERSION_KEY, version, None)
    if _request_version.get() is not None:
        _request_version.set(version)


class ContentVersionMiddleware:
    """Read the content version once per request instead of once per cached fragment."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set("")
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


def cached(parts, compute: Callable, timeout: int = TIMEOUT):
    """`compute()` once per content version and key parts."""
    key = "content:" + content_version() + ":" + ":".join(str(part) for part in parts)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def _on_change(sender, **kwargs):
    from wagtail.models import Page

    if kwargs.get("raw") or sender.__module__ == "__fake__":
        return  # fixtures, and migrations' historical models (the cache table may not exist yet)
    if issubclass(sender, Page) or sender._meta.label in WATCHED:
        from training_site.core.caching.pages import purge

        bump_content_version()
        purge()  # whole cached pages show the same chrome (logos, partners, menus)


def connect_signals() -> None:
    post_save.connect(_on_change, dispatch_uid="content_cache_save")
    post_delete.connect(_on_change, dispatch_uid="content_cache_delete")

"""A shared cache for the page chrome (menus, language links, partners) and other small lists
that every request needs. Entries are keyed by a content version that changes whenever a page,
topic, site setting or partner is saved or deleted, so nothing stale outlives an edit."""

import uuid
from collections.abc import Callable

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


def content_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    return version


def bump_content_version() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


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
        from .page_cache import purge

        bump_content_version()
        purge()  # whole cached pages show the same chrome (logos, partners, menus)


def connect_signals() -> None:
    post_save.connect(_on_change, dispatch_uid="content_cache_save")
    post_delete.connect(_on_change, dispatch_uid="content_cache_delete")

"""Versioned cache keys: a version kept in the shared cache and written into every key it covers.

Bumping the version makes every key built on it stale on every server at once; the stale entries
expire by themselves. The content cache (page chrome), the page cache and the permission cache
each keep one `Version`.
"""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache


class Version:
    """The current version of one family of cache entries.

    `per_request=True` lets a request read the version from the cache once (`read_once()` around
    the request) instead of once per key it builds.
    """

    def __init__(self, name: str, *, per_request: bool = False):
        self.name = name
        self.cache_key = f"{name}:version"
        # None outside `read_once()`, "" inside it until the version has been read.
        self._memo: ContextVar[str | None] | None = (
            ContextVar(f"{name}-version", default=None) if per_request else None
        )

    def current(self) -> str:
        memo = self._memo.get() if self._memo is not None else None
        if memo:
            return memo
        version = cache.get(self.cache_key)
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(self.cache_key, version, None):
                version = cache.get(self.cache_key) or version
        if memo is not None:
            self._memo.set(version)
        return version

    def bump(self, **_signal_kwargs) -> None:
        """Make every key built on the current version stale, on every server."""
        version = uuid.uuid4().hex
        cache.set(self.cache_key, version, None)
        if self._memo is not None and self._memo.get() is not None:
            self._memo.set(version)

    def key(self, *parts) -> str:
        """`name:version:part:part...`"""
        return ":".join([self.name, self.current(), *(str(part) for part in parts)])

    @contextmanager
    def read_once(self):
        """Within the block (one request), read the version from the cache at most once."""
        if self._memo is None:
            yield
            return
        token = self._memo.set("")
        try:
            yield
        finally:
            self._memo.reset(token)

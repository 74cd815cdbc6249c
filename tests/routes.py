"""Every URL pattern of the project, with its full name and route (for tests that walk them)."""

from django.urls import URLPattern, URLResolver, get_resolver


def all_routes(patterns=None, prefix="", namespace=None):
    """Yield (namespaced name or "", full route) for every URL pattern."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            full = f"{namespace}:{inner}" if namespace and inner else (inner or namespace)
            yield from all_routes(pattern.url_patterns, prefix + str(pattern.pattern), full)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else (pattern.name or "")
            yield name, prefix + str(pattern.pattern)

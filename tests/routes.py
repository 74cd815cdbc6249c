"""Every URL pattern the site answers, with its full name and route, and a way to fill one in (for
tests that walk them all: the permission matrices, the sign-in doors)."""

import re
import uuid

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


CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
NAMED_GROUP = re.compile(r"\(\?P<(\w+)>((?:[^()]|\([^()]*\))*)\)")
DEFAULTS = {"int": "987654", "uuid": str(uuid.UUID(int=7)), "path": "x/y"}


def fill(route: str, values: dict | None = None) -> str:
    """The URL of `route`, each variable part replaced by `values[name]`, else by a value of the
    right shape that names nothing ("987654", a zero UUID, "x"). Routes with unnamed regular
    expression groups cannot be filled: ValueError."""
    values = values or {}

    def value(name: str, converter: str | None) -> str:
        return str(values[name]) if name in values else DEFAULTS.get(converter or "", "x")

    url = NAMED_GROUP.sub(
        lambda m: value(m.group(1), "int" if m.group(2).startswith("\\d") else None), route
    )
    url = CONVERTER.sub(lambda m: value(m.group(2), m.group(1)), url)
    url = re.sub(r"\\([.\-/])", r"\1", url.replace("^", "").replace("$", ""))
    if re.search(r"[()\[\]\\*+?]", url):
        raise ValueError(f"cannot fill {route!r}: give its URL explicitly")
    return "/" + url

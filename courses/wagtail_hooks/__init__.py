"""Wagtail admin registration for the courses app; each area's hooks live in a submodule."""

from . import enrollment  # noqa: F401

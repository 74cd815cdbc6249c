"""Wagtail admin registration for the courses app; each area's hooks live in a submodule."""

from . import catalogue  # noqa: F401

"""Wagtail admin registration for the courses app; each area's hooks live in a submodule."""

from . import (
    catalogue,  # noqa: F401
    enrollment,  # noqa: F401
    learning,  # noqa: F401
    nominations,  # noqa: F401
    reports,  # noqa: F401
    roles,  # noqa: F401
)

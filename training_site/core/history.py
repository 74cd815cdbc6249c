"""The one shape of a history row: who did it, when, and why.

Enrollment status changes, certificate events, study-visit status changes and attendance changes
all inherit `StatusChange` and add what they record (the record they belong to, from/to status or
the action). Rows are written by the owning app's services and never edited; they read oldest
first. The fields keep the columns the concrete tables always had, so inheriting them changed no
schema. This module has no domain imports.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from training_site.core.text import TextLinesField


class StatusChange(models.Model):
    """Who (kept as empty when the account goes), when (set on write) and why (optional)."""

    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    reason = TextLinesField(_("reason"), blank=True)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

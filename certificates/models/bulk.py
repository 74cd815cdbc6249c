"""Bulk issue for a run: one item per enrollment, one task per item, progress in the database."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import BulkItemStatus


class BulkIssue(models.Model):
    wagtail_reference_index_ignore = True  # a record (see Certificate)

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    run = models.ForeignKey(
        "courses.CourseRun",
        verbose_name=_("course run"),
        on_delete=models.PROTECT,
        related_name="bulk_issues",
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    skipped = models.PositiveIntegerField(_("already issued"), default=0)

    class Meta:
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")
        ordering = ["-started_at", "-pk"]

    def __str__(self):
        return f"{self.run} ({self.started_at:%Y-%m-%d %H:%M})"

    def counts(self) -> dict[str, int]:
        rows = self.items.values("status").annotate(n=models.Count("pk"))
        counts = {status: 0 for status in BulkItemStatus.values}
        counts.update({row["status"]: row["n"] for row in rows})
        counts["total"] = sum(counts[s] for s in BulkItemStatus.values)
        counts["done"] = counts[BulkItemStatus.ISSUED] + counts[BulkItemStatus.FAILED]
        counts["percent"] = (
            round(100 * counts["done"] / counts["total"]) if counts["total"] else 100
        )
        counts["skipped"] = self.skipped
        return counts

    @property
    def is_finished(self) -> bool:
        return not self.items.filter(status=BulkItemStatus.PENDING).exists()


class BulkIssueItem(models.Model):
    wagtail_reference_index_ignore = True  # a record (see Certificate)

    bulk = models.ForeignKey(BulkIssue, on_delete=models.CASCADE, related_name="items")
    enrollment = models.ForeignKey("courses.Enrollment", on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        max_length=10, choices=BulkItemStatus.choices, default=BulkItemStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    certificate = models.ForeignKey(
        "certificates.Certificate", null=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bulk", "enrollment"], name="one_item_per_enrollment")
        ]

    def __str__(self):
        return f"{self.enrollment_id}: {self.status}"

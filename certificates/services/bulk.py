"""Bulk issue for a run: the items to issue, and the issue of one item (each run as a task).

Queuing the items' tasks is the caller's part (certificates.tasks.start_bulk_issue), so that
tasks import services and services never import tasks.
"""

import logging

from django.db import transaction

from courses.choices import EnrollmentStatus
from courses.models import Enrollment

from ..choices import BulkItemStatus
from ..exceptions import NoTemplate
from ..models import BulkIssue, BulkIssueItem, Certificate
from .issuance import issue_certificate

logger = logging.getLogger(__name__)


def prepare_bulk_issue(*, run, by) -> BulkIssue:
    """The run's bulk issue, with one waiting item per completed enrollment without a certificate.

    Safe to run again: enrollments that have a certificate (valid, revoked or superseded) are
    skipped, and those that failed last time have none, so they are tried again. If the run's
    last bulk issue still has items waiting (a worker was stopped in the middle of one: its task
    stays "running" for ever), that bulk issue is resumed and returned, with the enrollments
    completed since it started added; its waiting items are to be queued again (issuing is
    idempotent, so an item queued twice still gives one certificate).
    """
    if run.certificate_template_id is None:
        raise NoTemplate()
    with transaction.atomic():
        completed = list(
            Enrollment.objects.filter(run=run, status=EnrollmentStatus.COMPLETED).values_list(
                "pk", flat=True
            )
        )
        have = set(
            Certificate.objects.filter(enrollment__run=run).values_list("enrollment_id", flat=True)
        )
        bulk = run.bulk_issues.select_for_update().first()
        if bulk is None or bulk.is_finished:
            todo = [pk for pk in completed if pk not in have]
            bulk = BulkIssue.objects.create(
                run=run, started_by=by, skipped=len(completed) - len(todo)
            )
        else:  # resume: add only enrollments completed since it started
            listed = set(bulk.items.values_list("enrollment_id", flat=True))
            todo = [pk for pk in completed if pk not in have and pk not in listed]
        BulkIssueItem.objects.bulk_create(
            [BulkIssueItem(bulk=bulk, enrollment_id=pk) for pk in todo]
        )
    return bulk


def process_bulk_item(*, item_id: int) -> BulkIssueItem:
    """Issue one item's certificate; record success or the failure, never raise."""
    item = BulkIssueItem.objects.select_related("bulk", "enrollment").get(pk=item_id)
    if item.status == BulkItemStatus.ISSUED:
        return item
    item.attempts += 1
    try:
        certificate = issue_certificate(enrollment=item.enrollment, by=item.bulk.started_by)
    except Exception as exc:  # a failed render must not stop the others; re-run retries it
        logger.exception("Bulk certificate issue failed for enrollment %s", item.enrollment_id)
        item.status = BulkItemStatus.FAILED
        item.error = str(exc)[:1000]
    else:
        item.status = BulkItemStatus.ISSUED
        item.certificate = certificate
        item.error = ""
    item.save(update_fields=["status", "attempts", "error", "certificate"])
    return item

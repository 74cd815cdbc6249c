"""Background work: one task per certificate (bulk issue and automatic issue on completion), and
the queuing of those tasks. Tasks import services; services never import tasks.

The task paths (certificates.tasks.issue_bulk_item, ...) and their arguments are stored with
queued tasks: keep them stable.
"""

from functools import partial

from django.db import transaction

from django_tasks import task

from courses.models import Enrollment

from .choices import BulkItemStatus
from .models import BulkIssue
from .services import issue_certificate, prepare_bulk_issue, process_bulk_item


@task()
def issue_bulk_item(*, item_id: int) -> str:
    return process_bulk_item(item_id=item_id).status


@task()
def issue_for_enrollment(*, enrollment_id: int) -> str:
    enrollment = Enrollment.objects.get(pk=enrollment_id)
    return issue_certificate(enrollment=enrollment, by=None).serial


def start_bulk_issue(*, run, by) -> BulkIssue:
    """Staff's "issue all" for a run: prepare its bulk issue (services.prepare_bulk_issue), then
    queue one task per waiting item once that is committed."""
    with transaction.atomic():
        bulk = prepare_bulk_issue(run=run, by=by)
        waiting = bulk.items.filter(status=BulkItemStatus.PENDING).values_list("pk", flat=True)
        for item_id in waiting:
            transaction.on_commit(partial(issue_bulk_item.enqueue, item_id=item_id), robust=True)
    return bulk

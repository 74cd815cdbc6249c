"""Background work: one task per certificate (bulk issue and automatic issue on completion)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def issue_bulk_item(*, item_id: int) -> str:
    from .services import process_bulk_item

    return process_bulk_item(item_id=item_id).status


@task()
def issue_for_enrollment(*, enrollment_id: int) -> str:
    from courses.models import Enrollment

    from .services import issue_certificate

    enrollment = Enrollment.objects.get(pk=enrollment_id)
    return issue_certificate(enrollment=enrollment, by=None).serial

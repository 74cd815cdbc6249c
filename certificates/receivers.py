"""What certificates does when another app's signal arrives: it only queues its own work.

Connected in CertificatesConfig.ready().
"""

from functools import partial

from django.db import transaction

from .tasks import issue_for_enrollment


def issue_on_completion(sender, *, enrollment, **kwargs) -> None:
    """courses.signals.enrollment_completed: if the run issues certificates automatically, queue
    the issue once the completion is committed (never for a completion rolled back)."""
    run = enrollment.run
    if run.auto_issue_certificates and run.certificate_template_id:
        transaction.on_commit(
            partial(issue_for_enrollment.enqueue, enrollment_id=enrollment.pk), robust=True
        )

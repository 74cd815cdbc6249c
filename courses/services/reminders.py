"""Reminders a few days before a run starts: each admitted trainee gets one, once."""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from ..choices import EnrollmentStatus, RunStatus
from ..models import Enrollment
from . import notifications

DAYS_BEFORE = 3


def due_reminders(*, today: dt.date | None = None, days_before: int = DAYS_BEFORE):
    today = today or timezone.localdate()
    return Enrollment.objects.filter(
        status=EnrollmentStatus.ENROLLED,
        reminder_sent_at__isnull=True,
        run__status=RunStatus.SCHEDULED,
        run__start_date__gt=today,
        run__start_date__lte=today + dt.timedelta(days=days_before),
    )


def send_run_reminders(*, today: dt.date | None = None, days_before: int = DAYS_BEFORE) -> int:
    """E-mail every enrolled trainee whose run starts within `days_before` days; return how many.

    Idempotent: `reminder_sent_at` is set in the same transaction as the e-mail is queued, under a
    row lock, so running it twice (or on two workers at once) sends each reminder once.
    """
    sent = 0
    for pk in list(
        due_reminders(today=today, days_before=days_before).values_list("pk", flat=True)
    ):
        with transaction.atomic():
            enrollment = (
                Enrollment.objects.select_for_update()
                .select_related("run__course", "user")
                .filter(pk=pk, reminder_sent_at__isnull=True)
                .first()
            )
            if enrollment is None:
                continue
            enrollment.reminder_sent_at = timezone.now()
            enrollment.save(update_fields=["reminder_sent_at", "updated_at"])
            notifications.notify_reminder(enrollment)
            sent += 1
    return sent

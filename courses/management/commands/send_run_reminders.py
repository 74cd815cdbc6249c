from django.core.management.base import BaseCommand

from courses.services.reminders import DAYS_BEFORE, send_run_reminders
from courses.tasks import send_run_reminders_task


class Command(BaseCommand):
    help = (
        "E-mail enrolled trainees whose run starts within --days days (default 3). "
        "Safe to run as often as you like (e.g. daily from cron): each trainee gets one reminder."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=DAYS_BEFORE)
        parser.add_argument(
            "--enqueue", action="store_true", help="Run it as a background task instead."
        )

    def handle(self, *args, days, enqueue, **options):
        if enqueue:
            send_run_reminders_task.enqueue(days_before=days)
            self.stdout.write("Reminder task enqueued.")
            return
        sent = send_run_reminders(days_before=days)
        self.stdout.write(f"{sent} reminder(s) sent.")

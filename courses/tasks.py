"""Background tasks of the courses app."""

from django_tasks import task

from .services.reminders import send_run_reminders

# --- enrollment ---------------------------------------------------------------------------------


@task()
def send_run_reminders_task(*, days_before: int = 3) -> int:
    """Send the reminders due before runs start (idempotent; schedule it daily)."""
    return send_run_reminders(days_before=days_before)

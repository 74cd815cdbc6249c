from django.conf import settings
from django.core.mail import EmailMultiAlternatives

from django_tasks import task


@task()
def send_email_task(*, to: list[str], subject: str, text: str, html: str = "", reply_to: str = ""):
    """Send one rendered e-mail. Rendering happens before, in the recipient's language."""
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=to,
        reply_to=[reply_to] if reply_to else None,
    )
    if html:
        message.attach_alternative(html, "text/html")
    message.send()


@task()
def probe_task(*, token: str) -> str:
    """A no-op proving that a worker takes tasks (see training_site.core.health.task_probe)."""
    return token

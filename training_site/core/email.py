"""E-mail in the recipient's language, with text and HTML parts, sent from a task after commit."""

from functools import cache

from django.conf import settings
from django.db import transaction
from django.template import Context, Engine, TemplateDoesNotExist
from django.template.backends.django import get_installed_libraries
from django.template.loader import render_to_string
from django.utils import translation

from training_site.core.tasks import send_email_task


def language_for(user) -> str:
    """The language a user reads: their profile's preference, else the site default."""
    profile = getattr(user, "trainee_profile", None) if user is not None else None
    language = getattr(profile, "preferred_language", "") or ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


@cache
def _text_engine() -> Engine:
    """Plain-text parts are not HTML: render them without HTML escaping."""
    return Engine(
        dirs=[str(d) for d in settings.TEMPLATES[0]["DIRS"]],
        app_dirs=True,
        autoescape=False,
        libraries=get_installed_libraries(),
    )


def _render_text(name: str, context: dict) -> str:
    return _text_engine().get_template(name).render(Context(context, autoescape=False))


def render_email(template: str, context: dict, *, language: str) -> dict[str, str]:
    """Render `templates/emails/<template>_subject.txt`, `.txt` and (if present) `.html`."""
    context = {"site_url": settings.SITE_URL, "language": language, **context}
    with translation.override(language):
        subject = _render_text(f"emails/{template}_subject.txt", context)
        text = _render_text(f"emails/{template}.txt", context)
        try:
            html = render_to_string(f"emails/{template}.html", context)
        except TemplateDoesNotExist:
            html = ""
    return {"subject": " ".join(subject.split()), "text": text, "html": html}


def send_templated_email(
    *, to: list[str] | str, template: str, context: dict, language: str, reply_to: str = ""
) -> None:
    """Render now, in `language`; enqueue the send once the surrounding transaction commits."""
    recipients = [to] if isinstance(to, str) else list(to)
    rendered = render_email(template, context, language=language)
    transaction.on_commit(
        lambda: send_email_task.enqueue(to=recipients, reply_to=reply_to, **rendered), robust=True
    )

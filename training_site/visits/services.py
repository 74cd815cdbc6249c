"""Study-visit workflows: submit a request, follow it up, send the programme."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Site

from training_site.core import ratelimit
from training_site.core.email import send_templated_email
from training_site.models import CentreSettings
from training_site.visits.models import (
    VisitProgrammePage,
    VisitReply,
    VisitReplyKind,
    VisitRequest,
    VisitRequestNote,
    VisitRequestStatus,
    VisitStatusChange,
)

# At most this many requests per address (network address, and contact e-mail) per window.
RATE_LIMIT_COUNT = getattr(settings, "VISIT_REQUEST_RATE_LIMIT_COUNT", 3)
RATE_LIMIT_WINDOW = getattr(settings, "VISIT_REQUEST_RATE_LIMIT_WINDOW", 60 * 60)
BY_ADDRESS = ratelimit.Limit(
    "visit-request-address", count=lambda: RATE_LIMIT_COUNT, window=RATE_LIMIT_WINDOW
)
BY_EMAIL = ratelimit.Limit(
    "visit-request-email", count=lambda: RATE_LIMIT_COUNT, window=RATE_LIMIT_WINDOW, per="email"
)


class VisitError(Exception):
    """A study-visit rule was broken; `message` says which, in the user's language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class TooManyRequests(VisitError):
    pass


class NoProgramme(VisitError):
    pass


# --- rate limit ---------------------------------------------------------------------------------


def consume_request_allowance(*, address: str, email: str) -> None:
    """Count one submission for the network address and the e-mail; refuse past the limit."""
    by_address = ratelimit.allow(BY_ADDRESS, address)
    by_email = ratelimit.allow(BY_EMAIL, email)
    over = not (by_address and by_email)
    if over:
        raise TooManyRequests(
            _(
                "We have already received several requests from you. "
                "Please wait an hour before sending another, or write to us by e-mail."
            )
        )


# --- the request --------------------------------------------------------------------------------


def submit_visit_request(*, data: dict, language: str) -> VisitRequest:
    """Store a request; acknowledge it to the contact in their language and notify staff."""
    topics = list(data.get("topics") or [])
    with transaction.atomic():
        visit = VisitRequest.objects.create(
            country=data["country"],
            institutions=data["institutions"],
            contact_name=data["contact_name"],
            contact_email=data["contact_email"],
            delegation_size=data["delegation_size"],
            preferred_start=data["preferred_start"],
            preferred_end=data["preferred_end"],
            languages=list(data.get("languages") or []),
            message=data.get("message", ""),
            language=language,
        )
        visit.topics.set(topics)
        context = {"visit": visit, "topics": [t.name for t in topics]}
        send_templated_email(
            to=visit.contact_email,
            template="visit_request_received",
            context=context,
            language=language,
        )
        if settings.STAFF_NOTIFICATION_EMAILS:
            send_templated_email(
                to=settings.STAFF_NOTIFICATION_EMAILS,
                template="visit_request_staff",
                context={**context, "admin_url": _admin_url(visit)},
                language=settings.LANGUAGE_CODE,
                reply_to=visit.contact_email,
            )
    return visit


def _admin_url(visit: VisitRequest) -> str:
    return settings.SITE_URL + reverse("visit_requests:edit", args=[visit.pk])


# --- staff follow-up ------------------------------------------------------------------------------


def change_status(*, visit: VisitRequest, to_status: str, by) -> VisitStatusChange | None:
    with transaction.atomic():
        current = VisitRequest.objects.select_for_update().get(pk=visit.pk)
        if current.status == to_status:
            return None
        change = VisitStatusChange.objects.create(
            request=current, from_status=current.status, to_status=to_status, by=by
        )
        VisitRequest.objects.filter(pk=visit.pk).update(status=to_status)
        visit.status = to_status
    return change


def add_note(*, visit: VisitRequest, text: str, by) -> VisitRequestNote:
    with transaction.atomic():
        return VisitRequestNote.objects.create(request=visit, text=text, author=by)


def reply_to_request(*, visit: VisitRequest, body: str, by) -> VisitReply:
    """E-mail staff's reply to the contact in the request's language, and keep it."""
    with transaction.atomic():
        reply = VisitReply.objects.create(
            request=visit, kind=VisitReplyKind.REPLY, body=body, sent_by=by
        )
        send_templated_email(
            to=visit.contact_email,
            template="visit_reply",
            context={"visit": visit, "body": body},
            language=visit.language,
            reply_to=_centre_email(),
        )
    return reply


def programme_for(visit: VisitRequest) -> VisitProgrammePage | None:
    """The live programme page in the request's language, else any live translation."""
    pages = VisitProgrammePage.objects.live().filter(visit_request=visit).select_related("locale")
    pages = list(pages)
    if not pages:
        return None
    for page in pages:
        if page.locale.language_code == visit.language:
            return page
    source = pages[0]
    for candidate in source.get_translations(inclusive=True).live().specific():
        if candidate.locale.language_code == visit.language:
            return candidate
    return source


def send_programme_link(*, visit: VisitRequest, by) -> VisitReply:
    """Send the private link to the visit programme, in the request's language."""
    if visit.status != VisitRequestStatus.CONFIRMED:
        raise NoProgramme(_("Only a confirmed visit can receive its programme."))
    page = programme_for(visit)
    if page is None:
        raise NoProgramme(_("There is no published programme page for this request yet."))
    with transaction.atomic():
        reply = VisitReply.objects.create(
            request=visit,
            kind=VisitReplyKind.PROGRAMME_LINK,
            body=page.private_url(),
            sent_by=by,
        )
        send_templated_email(
            to=visit.contact_email,
            template="visit_programme_link",
            context={"visit": visit, "page_title": page.title, "url": page.private_url()},
            language=visit.language,
            reply_to=_centre_email(),
        )
    return reply


def follow_up_request(
    *,
    visit: VisitRequest,
    by,
    status: str,
    note: str = "",
    reply: str = "",
    send_programme: bool = False,
) -> None:
    """Everything staff do from the request's admin page, at once or not at all."""
    with transaction.atomic():
        change_status(visit=visit, to_status=status, by=by)
        if note.strip():
            add_note(visit=visit, text=note.strip(), by=by)
        if reply.strip():
            reply_to_request(visit=visit, body=reply.strip(), by=by)
        if send_programme:
            send_programme_link(visit=visit, by=by)


def _centre_email() -> str:
    site = Site.objects.filter(is_default_site=True).first()
    return CentreSettings.for_site(site).email if site else ""

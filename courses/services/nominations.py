"""Nominations, staff invitations and invitation letters. Each workflow is one transaction.

A nominee's link carries the nomination's public id, signed with a timestamp: it proves the
holder received the e-mail, and it expires after `NOMINATION_LINK_MAX_AGE` seconds (30 days).
Accepting goes through `place(..., invited=True)`, the one path into a run.
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.log_actions import log
from wagtail.models import Locale

from allauth.account.models import EmailAddress

from training_site.core.email import send_templated_email
from training_site.core.roles import ensure_groups
from training_site.core.text import without_hidden_characters
from training_site.models.roles import person_label
from training_site.services.roles import require_staff

from ..choices import (
    ACTIVE_STATUSES,
    SEAT_HOLDING_STATUSES,
    DeliveryMode,
    LetterStatus,
    NominationStatus,
)
from ..exceptions import (
    AlreadyNominated,
    EmailMismatch,
    LetterNotAvailable,
    LinkExpired,
    LinkInvalid,
    NominationAnswered,
    NominationImportRefused,
    NominationsClosed,
    OnlyStaff,
    ProfileIncomplete,
    QuotaExceeded,
)
from ..models import (
    CourseRun,
    Enrollment,
    FocalPoint,
    InvitationLetter,
    Nomination,
    TraineeProfile,
)
from ..models.nominations import link_max_age
from ..rules.letters import letter_status
from ..rules.nominations import (
    Nominee,
    country_seats_left,
    is_open_for_nominations,
    normalise_email,
    run_errors,
)
from .enrollment import lock_run, place

SIGNER_SALT = "courses.nomination"
APPOINT_FOCAL_POINT = "courses.appoint_focal_point"
REMOVE_FOCAL_POINT = "courses.remove_focal_point"


# --- the signed link ---------------------------------------------------------------------------


def make_token(nomination: Nomination) -> str:
    return signing.TimestampSigner(salt=SIGNER_SALT).sign(str(nomination.public_id))


def nomination_for_token(token: str) -> Nomination:
    """The nomination a link points to; LinkExpired or LinkInvalid otherwise."""
    signer = signing.TimestampSigner(salt=SIGNER_SALT)
    try:
        public_id = signer.unsign(token, max_age=link_max_age())
    except signing.SignatureExpired as exc:
        raise LinkExpired() from exc
    except signing.BadSignature as exc:
        raise LinkInvalid() from exc
    nomination = (
        Nomination.objects.select_related("run", "run__course").filter(public_id=public_id).first()
    )
    if nomination is None:
        raise LinkInvalid()
    return nomination


def nomination_link(nomination: Nomination) -> str:
    with translation.override(nomination.language):
        path = reverse("courses:nomination", args=[make_token(nomination)])
    return f"{settings.SITE_URL}{path}"


# --- facts about runs and countries ------------------------------------------------------------


def runs_open_for_nominations(today=None):
    today = today or timezone.localdate()
    return (
        CourseRun.objects.filter(status="scheduled", start_date__gt=today)
        .select_related("course")
        .order_by("start_date", "pk")
    )


def country_seats_used(run: CourseRun, country: str) -> int:
    """Live nominations plus seat-holding enrollments of a country on a run."""
    live = run.nominations.live().filter(country=country).count()
    held = run.enrollments.filter(
        status__in=SEAT_HOLDING_STATUSES, user__trainee_profile__country=country
    ).count()
    return live + held


def taken_emails(run: CourseRun) -> set[str]:
    """Addresses already nominated or invited (and not ended), or enrolled, on a run."""
    nominated = run.nominations.live().values_list("email", flat=True)
    accepted = run.nominations.filter(
        status=NominationStatus.ACCEPTED, enrollment__status__in=ACTIVE_STATUSES
    ).values_list("email", flat=True)
    enrolled_users = run.enrollments.active().values_list("user", flat=True)
    addresses = EmailAddress.objects.filter(user__in=enrolled_users).values_list("email", flat=True)
    user_emails = run.enrollments.active().values_list("user__email", flat=True)
    return {normalise_email(e) for e in [*nominated, *accepted, *addresses, *user_emails] if e}


def course_title(run: CourseRun, language: str) -> str:
    """The course's title in `language` when it is translated, else in its own language."""
    locale = Locale.objects.filter(language_code=language).first()
    course = run.course
    translated = course.get_translation_or_none(locale) if locale else None
    return (translated or course).title


# --- nominating --------------------------------------------------------------------------------


def _check_open(run: CourseRun) -> None:
    if not is_open_for_nominations(
        status=run.status, start_date=run.start_date, today=timezone.localdate()
    ):
        raise NominationsClosed()


def _record_and_send(run: CourseRun, nominee: Nominee, **sender) -> Nomination:
    """Record the nomination (`sender`: the focal point and country, or the inviting staff
    member) and e-mail the nominee their link."""
    nomination = Nomination.objects.create(
        run=run,
        name=nominee.name,
        email=normalise_email(nominee.email),
        organisation=nominee.organisation,
        job_title=nominee.job_title,
        language=nominee.language,
        **sender,
    )
    _send_invitation(nomination)
    return nomination


def _send_invitation(nomination: Nomination) -> None:
    send_templated_email(
        to=nomination.email,
        template="nomination_invitation",
        context={
            "nomination": nomination,
            "run": nomination.run,
            "course_title": course_title(nomination.run, nomination.language),
            "link": nomination_link(nomination),
            "expires_at": nomination.expires_at(),
        },
        language=nomination.language,
    )


def nominate(*, run: CourseRun, focal_point: FocalPoint, nominee: Nominee) -> Nomination:
    """A focal point nominates one official of their country; an e-mail invites them."""
    return import_nominations(run=run, focal_point=focal_point, nominees=[nominee])[0]


def import_nominations(
    *, run: CourseRun, focal_point: FocalPoint, nominees: list[Nominee]
) -> list[Nomination]:
    """Nominate several people at once: all of them, or (on any error) none."""
    with transaction.atomic():
        run = lock_run(run)
        _check_open(run)
        country = str(focal_point.country)
        seats_left = country_seats_left(
            quota=run.seats_per_country, used=country_seats_used(run, country)
        )
        taken = taken_emails(run)
        errors = run_errors(
            nominees,
            taken_emails=taken,
            seats_left=seats_left,
            country_name=str(focal_point.country.name),
        )
        if errors:
            if len(nominees) == 1:
                if normalise_email(nominees[0].email) in taken:
                    raise AlreadyNominated()
                raise QuotaExceeded(errors[0].message)
            raise NominationImportRefused(errors)
        return [
            _record_and_send(run, nominee, nominated_by=focal_point.user, country=country)
            for nominee in nominees
        ]


def invite(*, run: CourseRun, by, nominee: Nominee) -> Nomination:
    """Centre staff invite someone by e-mail; the same link and acceptance as a nomination."""
    with transaction.atomic():
        run = lock_run(run)
        _check_open(run)
        if normalise_email(nominee.email) in taken_emails(run):
            raise AlreadyNominated()
        return _record_and_send(run, nominee, invited_by=by)


# --- answering ---------------------------------------------------------------------------------


def _lock_unanswered(nomination: Nomination) -> Nomination:
    nomination = Nomination.objects.select_for_update().select_related("run").get(pk=nomination.pk)
    if nomination.status != NominationStatus.SENT:
        raise NominationAnswered()
    if nomination.is_expired():
        raise LinkExpired()
    return nomination


def email_matches(*, nomination: Nomination, user) -> bool:
    return EmailAddress.objects.filter(
        user=user, email__iexact=nomination.email, verified=True
    ).exists()


def accept_nomination(*, nomination: Nomination, user) -> Enrollment:
    """The nominee takes their place: enrolled, or waitlisted when the run is full."""
    with transaction.atomic():
        nomination = _lock_unanswered(nomination)
        if not email_matches(nomination=nomination, user=user):
            raise EmailMismatch()
        profile = TraineeProfile.objects.filter(user=user).first()
        if profile is None or not profile.is_complete:
            raise ProfileIncomplete()
        by = nomination.invited_by or nomination.nominated_by or user
        enrollment = place(user=user, run=nomination.run, by=by, invited=True)
        nomination.status = NominationStatus.ACCEPTED
        nomination.enrollment = enrollment
        nomination.answered_at = timezone.now()
        nomination.save(update_fields=["status", "enrollment", "answered_at", "updated_at"])
        return enrollment


def decline_nomination(*, nomination: Nomination) -> Nomination:
    """The nominee says no; their claim on the country's quota ends."""
    with transaction.atomic():
        nomination = _lock_unanswered(nomination)
        nomination.status = NominationStatus.DECLINED
        nomination.answered_at = timezone.now()
        nomination.save(update_fields=["status", "answered_at", "updated_at"])
        return nomination


def cancel_nomination(*, nomination: Nomination) -> Nomination:
    """Staff withdraw an unanswered nomination or invitation; its link stops working."""
    with transaction.atomic():
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if nomination.status != NominationStatus.SENT:
            raise NominationAnswered()
        nomination.status = NominationStatus.CANCELLED
        nomination.save(update_fields=["status", "updated_at"])
        return nomination


# --- invitation letters ------------------------------------------------------------------------


def letter_available(enrollment: Enrollment) -> bool:
    return (
        enrollment.status in SEAT_HOLDING_STATUSES
        and enrollment.run.delivery_mode != DeliveryMode.ONLINE
    )


def issue_letter(*, enrollment: Enrollment) -> InvitationLetter:
    """The letter of an admitted trainee of an in-person run; one per enrollment, kept."""
    if not letter_available(enrollment):
        raise LetterNotAvailable()
    with transaction.atomic():
        letter = InvitationLetter.objects.filter(enrollment=enrollment).first()
        # Hidden characters (a name typed before names refused them) never reach the letter.
        name_latin = without_hidden_characters(enrollment.user.trainee_profile.name_latin).strip()
        if letter is None:
            run = enrollment.run
            letter = InvitationLetter.objects.create(
                enrollment=enrollment,
                name_latin=name_latin,
                start_date=run.start_date,
                end_date=run.end_date,
            )
        elif letter.name_latin != name_latin:
            letter.name_latin = name_latin
            letter.save(update_fields=["name_latin"])
        return letter


def letter_status_of(letter: InvitationLetter) -> LetterStatus:
    """What the letter's check page says now, from its enrollment and run (no query when they
    are loaded with the letter)."""
    enrollment = letter.enrollment
    run = enrollment.run
    return letter_status(
        enrollment_status=enrollment.status,
        run_status=run.status,
        stated_dates=(letter.start_date, letter.end_date),
        run_dates=(run.start_date, run.end_date),
    )


# --- focal points ------------------------------------------------------------------------------


def appoint_focal_point(*, user, country, by) -> FocalPoint:
    """Staff tie a user to a country as its focal point (one country per user) and give the
    role; the appointment (or a change of country) is recorded in the audit log."""
    require_staff(by, OnlyStaff)
    with transaction.atomic():
        previous = FocalPoint.objects.filter(user=user).values_list("country", flat=True).first()
        focal_point, _created = FocalPoint.objects.update_or_create(
            user=user, defaults={"country": country}
        )
        user.groups.add(ensure_groups()["focal_points"])
        if previous != focal_point.country:
            log(
                instance=focal_point,
                action=APPOINT_FOCAL_POINT,
                user=by,
                data=_focal_point_data(focal_point),
            )
        return focal_point


def remove_focal_point(*, focal_point: FocalPoint, by) -> None:
    """Staff end an appointment: the role goes with it, and the audit log keeps the record."""
    require_staff(by, OnlyStaff)
    with transaction.atomic():
        log(
            instance=focal_point,
            action=REMOVE_FOCAL_POINT,
            user=by,
            data=_focal_point_data(focal_point),
        )
        focal_point.user.groups.remove(ensure_groups()["focal_points"])
        focal_point.delete()


def _focal_point_data(focal_point: FocalPoint) -> dict:
    return {
        "person": {"id": focal_point.user_id, "label": person_label(focal_point.user)},
        "country": str(focal_point.country),
    }

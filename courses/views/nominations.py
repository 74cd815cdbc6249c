"""The focal-point area, the nominee's link, and invitation letters. Thin views."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.html import format_html
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from wagtail.models import Site

from certificates import throttle
from certificates.choices import CertificateStatus
from certificates.models import Certificate
from training_site.core.pdf import render_template_pdf
from training_site.core.roles import is_centre_staff
from training_site.models import CentreSettings

from ..exceptions import (
    CourseError,
    LinkExpired,
    LinkInvalid,
    NominationImportRefused,
    ProfileIncomplete,
)
from ..forms.nominations import NomineeForm, NomineesCsvForm
from ..models import Enrollment, FocalPoint, InvitationLetter, Nomination
from ..rules.nominations import CSV_COLUMNS, country_seats_left, parse_nominees_csv
from ..services import nominations as services

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def _focal_point(request) -> FocalPoint:
    """The signed-in user's focal-point role; 404 for everyone else."""
    focal_point = FocalPoint.objects.filter(user=request.user).first()
    if focal_point is None:
        raise Http404
    return focal_point


def _open_run(run_id):
    return get_object_or_404(services.runs_open_for_nominations(), public_id=run_id)


def _seats(run, focal_point):
    if run.seats_per_country is None:
        return None
    return country_seats_left(
        quota=run.seats_per_country,
        used=services.country_seats_used(run, str(focal_point.country)),
    )


@login_required
def focal_point_home(request):
    focal_point = _focal_point(request)
    runs = [
        {"run": run, "seats_left": _seats(run, focal_point)}
        for run in services.runs_open_for_nominations()
    ]
    nominees = (
        Nomination.objects.filter(country=focal_point.country)
        .select_related("run", "run__course", "enrollment")
        .prefetch_related(
            Prefetch(
                "enrollment__certificates",
                queryset=Certificate.objects.filter(status=CertificateStatus.VALID),
                to_attr="valid_certificates",
            )
        )
        .order_by("-sent_at", "pk")
    )
    return render(
        request,
        "courses/focal_point.html",
        {"focal_point": focal_point, "runs": runs, "nominees": nominees},
    )


@login_required
def nominate(request, run_id):
    focal_point = _focal_point(request)
    run = _open_run(run_id)
    form = NomineeForm(request.POST or None, initial={"language": get_language()})
    if request.method == "POST" and form.is_valid():
        try:
            nomination = services.nominate(run=run, focal_point=focal_point, nominee=form.nominee())
        except CourseError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("%(name)s is nominated; an invitation was sent to %(email)s.")
                % {"name": nomination.name, "email": nomination.email},
            )
            return redirect("courses:focal_point")
    return render(
        request,
        "courses/nominate.html",
        {
            "focal_point": focal_point,
            "run": run,
            "form": form,
            "seats_left": _seats(run, focal_point),
        },
    )


@login_required
def nominate_csv(request, run_id):
    focal_point = _focal_point(request)
    run = _open_run(run_id)
    form = NomineesCsvForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        nominees, errors = parse_nominees_csv(
            form.cleaned_data["file"].read(), languages=LANGUAGE_CODES
        )
        if not errors:
            try:
                created = services.import_nominations(
                    run=run, focal_point=focal_point, nominees=nominees
                )
            except NominationImportRefused as refusal:
                errors = refusal.errors
            except CourseError as error:
                form.add_error(None, error.message)
            else:
                messages.success(
                    request,
                    _("%(count)d people are nominated; each received an invitation.")
                    % {"count": len(created)},
                )
                return redirect("courses:focal_point")
    return render(
        request,
        "courses/nominate_csv.html",
        {
            "focal_point": focal_point,
            "run": run,
            "form": form,
            "errors": errors,
            "columns": CSV_COLUMNS,
            "seats_left": _seats(run, focal_point),
        },
    )


# --- the nominee's link --------------------------------------------------------------------------


def _profile_url() -> str | None:
    try:
        return reverse("courses:profile")
    except NoReverseMatch:
        return None


def _link_problem(request, error: CourseError, status: int):
    return render(
        request, "courses/nomination_link.html", {"problem": error.message}, status=status
    )


def nomination_link(request, token):
    try:
        nomination = services.nomination_for_token(token)
    except (LinkExpired, LinkInvalid) as error:
        return _link_problem(request, error, 410 if isinstance(error, LinkExpired) else 404)
    context = {
        "nomination": nomination,
        "run": nomination.run,
        "course_title": services.course_title(nomination.run, get_language()),
        "token": token,
        "expired": nomination.is_expired(),
        "email_matches": request.user.is_authenticated
        and services.email_matches(nomination=nomination, user=request.user),
    }
    enrollment = nomination.enrollment
    if (
        enrollment is not None
        and enrollment.user_id == request.user.pk
        and services.letter_available(enrollment)
    ):
        context["letter_url"] = reverse("courses:invitation_letter", args=[enrollment.public_id])
    return render(request, "courses/nomination_link.html", context)


@require_POST
def accept_nomination(request, token):
    link = reverse("courses:nomination", args=[token])
    if not request.user.is_authenticated:
        return redirect_to_login(link)
    try:
        nomination = services.nomination_for_token(token)
        enrollment = services.accept_nomination(nomination=nomination, user=request.user)
    except ProfileIncomplete:
        profile_url = _profile_url()
        messages.warning(request, _("Complete your profile, then accept your place."))
        if profile_url:
            return redirect(f"{profile_url}?{urlencode({'next': link})}")
        return redirect(link)
    except (LinkExpired, LinkInvalid) as error:
        return _link_problem(request, error, 410 if isinstance(error, LinkExpired) else 404)
    except CourseError as error:
        messages.error(request, error.message)
        return redirect(link)
    messages.success(
        request,
        _("You have accepted the invitation. Your status on this run: %(status)s.")
        % {"status": enrollment.get_status_display()},
    )
    return redirect(link)


@require_POST
def decline_nomination(request, token):
    link = reverse("courses:nomination", args=[token])
    try:
        nomination = services.nomination_for_token(token)
        services.decline_nomination(nomination=nomination)
    except (LinkExpired, LinkInvalid) as error:
        return _link_problem(request, error, 410 if isinstance(error, LinkExpired) else 404)
    except CourseError as error:
        messages.error(request, error.message)
        return redirect(link)
    messages.success(request, _("You have declined the invitation. Thank you for telling us."))
    return redirect(link)


# --- invitation letters ----------------------------------------------------------------------


def _centre_name(centre, language: str) -> str:
    with translation.override(language):
        return centre.name_for(language) if centre else gettext("Training centre")


@login_required
def invitation_letter(request, enrollment_id):
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("run", "run__course", "user__trainee_profile"),
        public_id=enrollment_id,
    )
    if enrollment.user_id != request.user.pk and not is_centre_staff(request.user):
        raise Http404
    if not services.letter_available(enrollment):
        raise Http404
    letter = services.issue_letter(enrollment=enrollment)
    profile = enrollment.user.trainee_profile
    confirm_path = reverse("courses:letter_confirm", args=[letter.code])
    site = Site.objects.filter(is_default_site=True).first()
    centre = CentreSettings.for_site(site) if site else None
    pdf = render_template_pdf(
        "courses/invitation_letter_pdf.html",
        {
            "letter": letter,
            "enrollment": enrollment,
            "profile": profile,
            "run": enrollment.run,
            "title_ar": services.course_title(enrollment.run, "ar"),
            "title_en": services.course_title(enrollment.run, "en"),
            "confirm_url": f"{settings.SITE_URL}{confirm_path}",
            "name_html": format_html('<bdi class="latin" dir="ltr">{}</bdi>', letter.name_latin),
            "centre_name_ar": _centre_name(centre, "ar"),
            "centre_name_en": _centre_name(centre, "en"),
            "centre_address": centre.address if centre else "",
            "today": timezone.localdate(),
        },
        language="en",
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="invitation-letter-{letter.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@never_cache
@require_GET
def letter_confirm(request, code):
    """The public check of a letter's reference, with its live status; throttled per address
    like certificate verification."""
    if not throttle.allow(request, scope="letter"):
        return render(request, "courses/letter_confirm.html", {"throttled": True}, status=429)
    letter = get_object_or_404(
        InvitationLetter.objects.select_related("enrollment__run__course"),
        code=code.strip().upper(),
    )
    run = letter.enrollment.run
    return render(
        request,
        "courses/letter_confirm.html",
        {
            "letter": letter,
            "run": run,
            "status": services.letter_status_of(letter),
            "course_title": services.course_title(run, get_language()),
        },
    )

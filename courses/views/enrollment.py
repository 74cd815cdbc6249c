"""Trainee pages: profile, own data, applying, withdrawing and the "My learning" dashboard."""

import json
import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..choices import ACTIVE_STATUSES, EnrollmentStatus
from ..exceptions import CourseError
from ..forms.profile import TraineeProfileForm
from ..models import CourseRun, Enrollment, TraineeProfile
from ..rules.admission import REAPPLY_FROM
from ..services import enrollment as services
from ..services import privacy
from ..services.notifications import course_titles, waitlist_position
from .dashboard import dashboard_rows

logger = logging.getLogger(__name__)

UNSAVED = gettext_lazy(
    "Your application could not be saved just now, and nothing was recorded. "
    "Please try again in a few minutes."
)


def _profile_of(user) -> TraineeProfile | None:
    return TraineeProfile.objects.filter(user=user).first()


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    # A path on this site only: anything else (a view name, a scheme, another host) is ignored.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    instance = _profile_of(request.user) or TraineeProfile(
        user=request.user, preferred_language=get_language() or "ar"
    )
    form = TraineeProfileForm(request.POST if request.method == "POST" else None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect(_safe_next(request, reverse("courses:dashboard")))
    return render(
        request,
        "courses/profile.html",
        {
            "form": form,
            "next": _safe_next(request, ""),
            "deletion_requested": privacy.has_open_deletion_request(request.user),
        },
    )


@login_required
def my_data(request):
    data = privacy.export_personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request):
    if request.method == "POST":
        privacy.request_account_deletion(user=request.user)
        messages.success(
            request,
            _(
                "Your request has been recorded. The centre will delete your account and tell "
                "you by e-mail; issued certificates are kept so that they stay verifiable."
            ),
        )
        return redirect("courses:profile")
    return render(
        request,
        "courses/delete_account.html",
        {"deletion_requested": privacy.has_open_deletion_request(request.user)},
    )


def _preview(run: CourseRun, user) -> dict:
    """What applying would do now: the admission rule run over the current facts."""
    decision = services.preview_admission(user=user, run=run)
    if not decision.admitted:
        return {"can_apply": False, "message": services.refusal_error(decision.refusal).message}
    outcome = {
        EnrollmentStatus.ENROLLED: _("There are seats left: you will get a place at once."),
        EnrollmentStatus.WAITLISTED: _(
            "All seats are taken: you will be put on the waiting list and get the next free "
            "seat in turn."
        ),
        EnrollmentStatus.PENDING: _(
            "The centre reviews every application to this run: yours will await its decision."
        ),
    }[decision.status]
    return {"can_apply": True, "message": outcome}


def _outcome_message(enrollment: Enrollment) -> str:
    if enrollment.status == EnrollmentStatus.ENROLLED:
        return _("You have a place on this run. A confirmation e-mail is on its way.")
    if enrollment.status == EnrollmentStatus.WAITLISTED:
        return _(
            "The run is full: you are number %(position)s on the waiting list. We will e-mail you "
            "if a seat becomes free."
        ) % {"position": waitlist_position(enrollment)}
    return _("Your application has been received. The centre will decide and tell you by e-mail.")


@login_required
@require_http_methods(["GET", "POST"])
def apply(request, run_id):
    run = get_object_or_404(CourseRun.objects.visible().select_related("course"), public_id=run_id)
    here = reverse("courses:apply", kwargs={"run_id": run.public_id})
    profile = _profile_of(request.user)
    if profile is None or not profile.is_complete:
        messages.info(request, _("Complete your profile first; you will come back here after."))
        return redirect(f"{reverse('courses:profile')}?next={here}")
    error, status = None, 200
    if request.method == "POST":
        try:
            enrollment = services.apply(user=request.user, run=run)
        except CourseError as exc:
            error, status = str(exc.message), 409
        except DatabaseError:  # the whole application was rolled back: say so, never a 500
            logger.exception("Application to run %s failed", run.public_id)
            error, status = UNSAVED, 503
        else:
            messages.success(request, _outcome_message(enrollment))
            return redirect("courses:dashboard")
    existing = Enrollment.objects.filter(user=request.user, run=run).first()
    language = get_language()
    return render(
        request,
        "courses/apply.html",
        {
            "run": run,
            "course_title": course_titles([run.course], language)[run.course.pk],
            "existing": existing if existing and existing.status not in REAPPLY_FROM else None,
            "preview": _preview(run, request.user),
            "error": error,
            "profile": profile,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def withdraw(request, public_id):
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("run__course"), public_id=public_id, user=request.user
    )
    can_withdraw = (
        enrollment.status in ACTIVE_STATUSES and enrollment.run.end_date >= timezone.localdate()
    )
    if request.method == "POST":
        if not can_withdraw:
            messages.error(request, _("There is nothing to withdraw from."))
            return redirect("courses:dashboard")
        try:
            services.withdraw(enrollment=enrollment, by=request.user)
        except CourseError as exc:
            messages.error(request, str(exc.message))
        else:
            messages.success(request, _("You have withdrawn. Your seat goes to the next person."))
        return redirect("courses:dashboard")
    return render(
        request,
        "courses/withdraw.html",
        {
            "enrollment": enrollment,
            "course_title": course_titles([enrollment.run.course], get_language())[
                enrollment.run.course.pk
            ],
            "can_withdraw": can_withdraw,
        },
    )


@login_required
def dashboard(request):
    profile = _profile_of(request.user)
    rows = dashboard_rows(user=request.user, today=timezone.localdate(), language=get_language())
    return render(
        request,
        "courses/dashboard.html",
        {
            "profile": profile,
            "profile_complete": bool(profile and profile.is_complete),
            "current": [row for row in rows if row.current],
            "past": [row for row in rows if not row.current],
        },
    )

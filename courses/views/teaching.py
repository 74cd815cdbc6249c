"""Instructors and staff: their runs, the enrollments of a run, the roll call, overrides."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from training_site.core.roles import is_centre_staff
from training_site.core.text import TextLinesFormField

from ..choices import ROLL_CALL_STATUSES, AttendanceStatus
from ..exceptions import CourseError
from ..models import Attendance, CourseRun, Enrollment, Session
from ..rules.attendance import session_open
from ..services.completion import override_completion
from ..services.instructors import runs_taught_by, teaches
from ..services.learning import record_attendance
from ..services.progress import summarise_enrollments


def _run_for_teacher(user, **lookup) -> CourseRun:
    run = get_object_or_404(CourseRun.objects.select_related("course"), **lookup)
    if not (is_centre_staff(user) or teaches(user, run.course)):
        raise Http404
    return run


def _roll(run):
    return (
        Enrollment.objects.filter(run=run, status__in=ROLL_CALL_STATUSES)
        .select_related("user", "user__trainee_profile")
        .order_by("user__last_name", "user__first_name", "pk")
    )


@login_required
def teaching_runs(request):
    staff = is_centre_staff(request.user)
    runs = CourseRun.objects.all() if staff else runs_taught_by(request.user)
    runs = list(
        runs.select_related("course").with_seats_taken().order_by("-start_date", "pk")[:100]
    )
    if not runs and not staff:
        raise Http404
    return TemplateResponse(request, "courses/teaching_runs.html", {"runs": runs, "staff": staff})


@login_required
def teaching_run(request, run_id):
    run = _run_for_teacher(request.user, public_id=run_id)
    summaries = summarise_enrollments(list(_roll(run)), request=request)
    now = timezone.now()
    sessions = [
        {"session": session, "open": session_open(starts_at=session.starts_at, now=now)}
        for session in run.sessions.all()
    ]
    context = {
        "run": run,
        "sessions": sessions,
        "summaries": summaries,
        "staff": is_centre_staff(request.user),
    }
    return TemplateResponse(request, "courses/teaching_run.html", context)


@login_required
def roll_call(request, session_id):
    session = get_object_or_404(Session.objects.select_related("run__course"), public_id=session_id)
    run = _run_for_teacher(request.user, pk=session.run_id)
    roll = list(_roll(run))
    if request.method == "POST":
        marks = {
            key.removeprefix("status-"): value
            for key, value in request.POST.items()
            if key.startswith("status-") and value
        }
        try:
            saved = record_attendance(session=session, marks=marks, by=request.user)
        except CourseError as error:
            messages.error(request, error.message)
        else:
            message = ngettext(
                "Attendance saved for %(count)s trainee.",
                "Attendance saved for %(count)s trainees.",
                saved,
            )
            messages.success(request, message % {"count": saved})
            return redirect("courses:roll_call", session_id=session.public_id)
    recorded = dict(
        Attendance.objects.filter(session=session).values_list("enrollment_id", "status")
    )
    rows = [
        {
            "enrollment": e,
            "status": recorded.get(e.pk, ""),
            "own": e.user_id == request.user.pk,  # nobody marks their own place
        }
        for e in roll
    ]
    context = {
        "session": session,
        "run": run,
        "rows": rows,
        "open": session_open(starts_at=session.starts_at, now=timezone.now()),
        "statuses": AttendanceStatus.choices,
        "unmarked": sum(1 for row in rows if not row["status"] and not row["own"]),
    }
    return TemplateResponse(request, "courses/roll_call.html", context)


class OverrideForm(forms.Form):
    complete = forms.TypedChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("1", gettext_lazy("Completed")),
            ("0", gettext_lazy("Not completed")),
        ],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    reason = TextLinesFormField(
        label=gettext_lazy("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000
    )


@login_required
def override(request, enrollment_id):
    if not is_centre_staff(request.user):
        raise Http404
    enrollment = get_object_or_404(
        Enrollment.objects.select_related("run__course", "user"), public_id=enrollment_id
    )
    form = OverrideForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            override_completion(
                enrollment=enrollment,
                by=request.user,
                complete=form.cleaned_data["complete"],
                reason=form.cleaned_data["reason"],
            )
        except CourseError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("courses:teaching_run", run_id=enrollment.run.public_id)
    context = {
        "enrollment": enrollment,
        "summary": summarise_enrollments([enrollment], request=request)[0],
        "history": list(enrollment.history.select_related("by")),
        "form": form,
    }
    return TemplateResponse(request, "courses/override.html", context)

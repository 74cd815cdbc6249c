"""Staff screens in the Wagtail admin: issue for a run (with progress), revoke, re-issue, ZIP, and
the certificate template's PDF preview."""

import io
import zipfile

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpResponse, QueryDict, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _

from wagtail.admin.auth import user_passes_test
from wagtail.snippets.views.snippets import PreviewOnCreateView, PreviewOnEditView
from wagtail.utils.decorators import xframe_options_sameorigin_override

from courses.choices import EnrollmentStatus
from courses.models import CourseRun, Enrollment

from .. import services, tasks
from ..choices import CertificateStatus
from ..exceptions import CertificateError
from ..forms import ReasonForm
from ..models import Certificate
from ..pdf import render_preview
from .policies import certificate_policy


def _may_issue(user) -> bool:
    return certificate_policy.user_may_act_through_services(user, "change")


# Issuing, revoking and re-issuing go through the services; the screens ask the certificate
# policy for the change permission, and answer as Wagtail does when one lacks it.
issuers_only = user_passes_test(_may_issue)


@issuers_only
def run_index(request):
    runs = (
        CourseRun.objects.select_related("course", "certificate_template")
        .annotate(
            completed=Count(
                "enrollments", filter=Q(enrollments__status=EnrollmentStatus.COMPLETED)
            ),
            issued=Count(
                "enrollments__certificates",
                filter=Q(enrollments__certificates__status=CertificateStatus.VALID),
            ),
        )
        .filter(completed__gt=0)
        .order_by("-end_date")
    )
    return TemplateResponse(
        request,
        "certificates/admin/run_index.html",
        {"runs": runs, "page_title": _("Issue certificates"), "header_icon": "doc-full"},
    )


@issuers_only
def run_detail(request, run_id):
    run = get_object_or_404(CourseRun.objects.select_related("course"), public_id=run_id)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "issue_all":
                tasks.start_bulk_issue(run=run, by=request.user)
                messages.success(request, _("Issuing started. This page shows the progress."))
            elif request.POST.get("action") == "issue_one":
                enrollment = get_object_or_404(
                    Enrollment, run=run, public_id=request.POST.get("enrollment")
                )
                certificate = services.issue_certificate(enrollment=enrollment, by=request.user)
                messages.success(request, _("Certificate %s issued.") % certificate.serial)
        except CertificateError as error:
            messages.error(request, error.message)
        return redirect(request.path)
    enrollments = (
        Enrollment.objects.filter(run=run, status=EnrollmentStatus.COMPLETED)
        .select_related("user__trainee_profile")
        .prefetch_related("certificates")
    )
    rows = []
    for enrollment in enrollments:
        certificates = sorted(enrollment.certificates.all(), key=lambda c: c.issued_at)
        rows.append(
            {"enrollment": enrollment, "certificate": certificates[-1] if certificates else None}
        )
    bulk = run.bulk_issues.first()
    progress = bulk.counts() if bulk else None
    return TemplateResponse(
        request,
        "certificates/admin/run_detail.html",
        {
            "run": run,
            "rows": rows,
            "bulk": bulk,
            "progress": progress,
            "running": bool(progress and progress["pending"]),
            "page_title": _("Certificates for %s") % run.course.title,
            "header_icon": "doc-full",
        },
    )


class _ZipStream(io.RawIOBase):
    """A write-only, unseekable buffer: zipfile writes into it, the response drains it."""

    def __init__(self):
        self._buffer = bytearray()

    def writable(self):
        return True

    def write(self, data):
        self._buffer += data
        return len(data)

    def drain(self) -> bytes:
        data = bytes(self._buffer)
        self._buffer.clear()
        return data


def zip_chunks(certificates):
    stream = _ZipStream()
    with zipfile.ZipFile(stream, "w", compression=zipfile.ZIP_STORED) as archive:
        for certificate in certificates:
            with (
                certificate.pdf.open("rb") as source,
                archive.open(f"{certificate.serial}.pdf", "w") as target,
            ):
                for chunk in iter(lambda source=source: source.read(64 * 1024), b""):
                    target.write(chunk)
                    yield stream.drain()
            yield stream.drain()
    yield stream.drain()


@issuers_only
def run_zip(request, run_id):
    run = get_object_or_404(CourseRun, public_id=run_id)
    certificates = Certificate.objects.for_run(run).current().order_by("serial")
    response = StreamingHttpResponse(
        zip_chunks(certificates.iterator()), content_type="application/zip"
    )
    response["Content-Disposition"] = f'attachment; filename="certificates-{run.public_id}.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


def _reason_view(request, public_id, *, action):
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment__run"), public_id=public_id
    )
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if action == "revoke":
                services.revoke(
                    certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Certificate %s revoked.") % certificate.serial)
            else:
                new = services.reissue(
                    certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request,
                    _("Certificate %(new)s issued; it supersedes %(old)s.")
                    % {"new": new.serial, "old": certificate.serial},
                )
            return redirect("certificate_issuance:run", run_id=certificate.enrollment.run.public_id)
        except CertificateError as error:
            messages.error(request, error.message)
    title = _("Revoke certificate %s") if action == "revoke" else _("Re-issue certificate %s")
    return TemplateResponse(
        request,
        "certificates/admin/reason_form.html",
        {
            "certificate": certificate,
            "form": form,
            "action": action,
            "page_title": title % certificate.serial,
            "header_icon": "doc-full",
            "events": certificate.events.select_related("by"),
        },
    )


@issuers_only
def revoke(request, public_id):
    return _reason_view(request, public_id, action="revoke")


@issuers_only
def reissue(request, public_id):
    return _reason_view(request, public_id, action="reissue")


# --- template preview ---------------------------------------------------------------------------


class TemplatePreviewMixin:
    """The snippet editor's preview of a certificate template: a sample certificate PDF.

    Wagtail's preview views ask the model to serve itself (`make_preview_request`); here the view
    renders instead, so that the model needs no PDF code. Same steps as Wagtail's `get`: the form
    state stored by the editor's POST, validated with required fields deferred, applied unsaved.
    """

    @method_decorator(xframe_options_sameorigin_override)
    def get(self, request, *args, **kwargs):
        state = self.get_form_state_queryset().first()
        form = self.get_form(QueryDict(state.data if state else ""))
        if not self.validate_form(form):
            return self.error_response()
        form.save(commit=False)
        response = HttpResponse(render_preview(self.object), content_type="application/pdf")
        response["Content-Disposition"] = 'inline; filename="preview.pdf"'
        patch_cache_control(response, private=True)
        return response


class TemplatePreviewOnCreate(TemplatePreviewMixin, PreviewOnCreateView):
    pass


class TemplatePreviewOnEdit(TemplatePreviewMixin, PreviewOnEditView):
    pass

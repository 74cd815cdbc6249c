"""Public verification, the holder's certificates, and checked downloads. Thin views."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.dateparse import parse_datetime
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from . import codes, throttle
from .choices import CertificateAction
from .forms import VerifyCodeForm, VerifyFileForm
from .models import Certificate, CertificateEvent
from .permissions import can_download
from .verification import find_by_code, find_by_file, parse_date, public_facts

RESULT_TEMPLATE = "certificates/verify_result.html"


def _language() -> str:
    return translation.get_language() or "ar"


def _result_context(facts: dict, **extra) -> dict:
    context = {
        "facts": facts,
        "start_date": parse_date(facts.get("start_date")),
        "end_date": parse_date(facts.get("end_date")),
        "issued_at": parse_datetime(facts["issued_at"]) if facts.get("issued_at") else None,
        "revoked_at": parse_datetime(facts["revoked_at"]) if facts.get("revoked_at") else None,
        "code_form": VerifyCodeForm(),
        "file_form": VerifyFileForm(),
    }
    context.update(extra)
    return context


def _throttled(request, *, json=False):
    if json:
        return JsonResponse({"status": "throttled"}, status=429)
    context = _result_context({"status": "throttled"})
    return render(request, RESULT_TEMPLATE, context, status=429)


@never_cache
@require_GET
def verify(request):
    """The form to type a code (GET ?code=) and to upload a PDF."""
    form = VerifyCodeForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("certificates:verify_code", code=form.cleaned_data["code"])
    return render(
        request,
        "certificates/verify.html",
        {"code_form": form, "file_form": VerifyFileForm()},
        status=400 if form.is_bound else 200,
    )


@never_cache
@require_GET
def verify_code(request, code):
    if not throttle.allow(request):
        return _throttled(request)
    canonical = codes.normalise(code)
    if canonical and canonical != code:
        return redirect("certificates:verify_code", code=canonical)
    certificate = find_by_code(canonical)
    facts = public_facts(certificate, _language())
    return render(request, RESULT_TEMPLATE, _result_context(facts, looked_up=code))


@never_cache
@require_GET
def verify_json(request, code):
    if not throttle.allow(request):
        return _throttled(request, json=True)
    certificate = find_by_code(codes.normalise(code))
    response = JsonResponse(public_facts(certificate, _language()))
    response["Access-Control-Allow-Origin"] = "*"
    return response


@never_cache
@require_POST
def verify_file(request):
    if not throttle.allow(request):
        return _throttled(request)
    form = VerifyFileForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(
            request,
            "certificates/verify.html",
            {"code_form": VerifyCodeForm(), "file_form": form},
            status=400,
        )
    certificate = find_by_file(form.cleaned_data["file"])
    facts = public_facts(certificate, _language())
    return render(
        request,
        RESULT_TEMPLATE,
        _result_context(facts, file_checked=True, file_matches=bool(certificate)),
    )


def verify_redirect(request, code):
    """/verify/<code>/ without a language prefix (the QR code): send to the visitor's language."""
    language = translation.get_language_from_request(request)
    canonical = codes.normalise(code)
    with translation.override(language):
        if canonical is None:
            return HttpResponseRedirect(reverse("certificates:verify"))
        return HttpResponseRedirect(reverse("certificates:verify_code", kwargs={"code": canonical}))


@never_cache
@login_required
def download(request, public_id):
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrollment"), public_id=public_id
    )
    if not can_download(request.user, certificate):
        raise Http404
    try:
        handle = certificate.pdf.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    CertificateEvent.objects.create(
        certificate=certificate, action=CertificateAction.DOWNLOADED, by=request.user
    )
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def my_certificates(request):
    certificates = [
        {"certificate": c, "course": c.snapshot.get("course", {}).get(_language(), "")}
        for c in Certificate.objects.for_holder(request.user)
    ]
    return render(request, "certificates/my_certificates.html", {"certificates": certificates})

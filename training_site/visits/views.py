"""Public study-visit request: form, service, response."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from training_site.core.client_ip import client_ip
from training_site.visits.forms import VisitRequestForm
from training_site.visits.services import (
    TooManyRequests,
    consume_request_allowance,
    submit_visit_request,
)

SUBMITTED_SESSION_KEY = "visit_request_submitted"


@never_cache
@require_http_methods(["GET", "POST"])
def request_visit(request: HttpRequest) -> HttpResponse:
    form = VisitRequestForm(request.POST if request.method == "POST" else None)
    status = 200
    if request.method == "POST":
        if form.is_spam:
            form.add_error(
                None,
                _(
                    "Your request could not be accepted as sent. Please send the form again, "
                    "or write to us by e-mail."
                ),
            )
            status = 400
        elif form.is_valid():
            try:
                consume_request_allowance(
                    address=client_ip(request),
                    email=form.cleaned_data["contact_email"],
                )
            except TooManyRequests as error:
                form.add_error(None, error.message)
                status = 429
            else:
                submit_visit_request(
                    data=form.cleaned_data, language=translation.get_language()[:2]
                )
                request.session[SUBMITTED_SESSION_KEY] = form.cleaned_data["contact_email"]
                return redirect("visits:request_sent")
    return render(request, "training_site/visit_request_form.html", {"form": form}, status=status)


@never_cache
def request_sent(request: HttpRequest) -> HttpResponse:
    email = request.session.pop(SUBMITTED_SESSION_KEY, None)
    if email is None:
        return redirect("visits:request")
    return render(request, "training_site/visit_request_sent.html", {"email": email})

"""Site-wide views: the doors that lead to allauth's sign-in, throttled password forms, errors."""

import re
from functools import wraps

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.static import serve as static_serve

from wagtail import views as wagtail_views
from wagtail.documents.views import serve as wagtaildocs_serve

from training_site.core import ratelimit

# Wagtail's page and document password forms: tries per client address per ten minutes.
VIEW_PASSWORD_TRIES = ratelimit.Limit(
    "view-restriction-password",
    count=lambda: getattr(settings, "VIEW_RESTRICTION_PASSWORD_LIMIT", 10),
    window=600,
)


def _to_sign_in(request: HttpRequest, default_next: str) -> HttpResponseRedirect:
    next_url = request.GET.get("next", default_next)
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = default_next
    query = QueryDict(mutable=True)
    query["next"] = next_url
    return HttpResponseRedirect(f"{reverse('account_login')}?{query.urlencode(safe='/')}")


def admin_login(request: HttpRequest) -> HttpResponseRedirect:
    """The Wagtail admin signs in through allauth, so its rate limits and two-factor apply."""
    return _to_sign_in(request, "/admin/")


def front_end_login(request: HttpRequest) -> HttpResponseRedirect:
    """Wagtail's front-end sign-in form (`_util/login/`) is not a way in: allauth's is."""
    return _to_sign_in(request, settings.LOGIN_REDIRECT_URL)


def throttled_password_form(view):
    """A page or document password form (Wagtail's view restrictions): it never signs anybody
    in, and a client address gets a limited number of tries."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not ratelimit.allow_client(VIEW_PASSWORD_TRIES, request):
            return render(request, "training_site/too_many_tries.html", status=429)
        return view(request, *args, **kwargs)

    return wrapped


page_password = throttled_password_form(wagtail_views.authenticate_with_password)
document_password = throttled_password_form(wagtaildocs_serve.authenticate_with_password)


# What media may hold that the site never serves from its origin: documents (private files with
# their own checked view; older copies may linger) and SVG (it can carry script).
NEVER_SERVED_MEDIA = re.compile(r"^(documents/|.*\.svgz?$)", re.IGNORECASE)
MEDIA_HEADERS = {"X-Content-Type-Options": "nosniff", "Content-Security-Policy": "sandbox"}


def debug_media(request: HttpRequest, path: str) -> HttpResponse:
    """MEDIA_ROOT in development (DEBUG), with the headers and refusals of docs/deploy.md."""
    if NEVER_SERVED_MEDIA.match(path.lstrip("/")):
        raise Http404
    response = static_serve(request, path, document_root=settings.MEDIA_ROOT)
    for header, value in MEDIA_HEADERS.items():
        response[header] = value
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.views import serve

from allauth.mfa.utils import is_mfa_enabled
from csp.middleware import CSPMiddleware

from training_site.core import patches
from training_site.core.routing import direct_route
from training_site.settings.deployment import ADMIN_POLICY_UPDATE


def _reader_language(request) -> str:
    """The language the person chose on this browser, else their profile's, else the request's."""
    languages = dict(settings.LANGUAGES)
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if chosen in languages:
        return chosen
    profile = getattr(request.user, "trainee_profile", None)
    preferred = getattr(profile, "preferred_language", "")
    return preferred if preferred in languages else request.LANGUAGE_CODE


class AdminAccessMiddleware:
    """A signed-in person without admin rights who opens /admin/ gets a clear refusal in their
    language, with a way back. (Wagtail would send them to sign in, and allauth, seeing them
    signed in, straight back to /admin/: a loop.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.path.startswith("/admin/")
            and request.user.is_authenticated
            and not request.user.has_perm("wagtailadmin.access_admin")
        ):
            with translation.override(_reader_language(request)):
                return render(request, "training_site/admin_refused.html", status=403)
        return self.get_response(request)


class StaffTwoFactorMiddleware:
    """Keep the Wagtail admin closed to its users (staff, instructors, focal points) until they
    have enabled two-factor authentication. Others are refused by Wagtail itself."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.REQUIRE_STAFF_MFA
            and request.path.startswith("/admin/")
            and request.user.is_authenticated
            and not is_mfa_enabled(request.user)
            and request.user.has_perm("wagtailadmin.access_admin")
        ):
            messages.warning(
                request,
                _("Enable two-factor authentication before you use the administration."),
            )
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's extra allowances under /admin/ only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path.startswith("/admin/") and parts.update is None:
            parts.update = ADMIN_POLICY_UPDATE
        return parts


class DirectRouteMiddleware:
    """Route Wagtail page requests in two queries (training_site.core.routing)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is serve and not patches.route_remembered(request):
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            result = direct_route(request, path)
            if result is not None:
                patches.remember_route(request, result)
        return None

from django.utils import translation

from wagtail.models import Site

from allauth.account.adapter import DefaultAccountAdapter

from training_site.core.client_ip import client_ip
from training_site.models import CentreSettings


class AccountAdapter(DefaultAccountAdapter):
    """Send account e-mails in the language the visitor was using; rate-limit sign-in by the
    client address every other throttle uses."""

    def get_client_ip(self, request):
        return client_ip(request)

    def send_mail(self, template_prefix, email, context):
        request = getattr(self, "request", None)
        language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language()
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject):
        site = Site.objects.filter(is_default_site=True).first()
        name = CentreSettings.for_site(site).short_name if site else ""
        return f"[{name}] {subject}" if name else subject

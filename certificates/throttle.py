"""A per-address limit on verification look-ups (the project's one limiter and client address)."""

from django.conf import settings

from training_site.core import ratelimit
from training_site.core.client_ip import client_ip

WINDOW_SECONDS = 600


def limit() -> int:
    return getattr(settings, "CERTIFICATE_VERIFY_LIMIT", 60)


VERIFY = ratelimit.Limit("certificate-verify", count=limit, window=WINDOW_SECONDS)


def allow(request, scope: str = "verify") -> bool:
    """Count this request; False once the address has made `limit()` look-ups in the window."""
    return ratelimit.allow(VERIFY, f"{scope}:{client_ip(request)}")

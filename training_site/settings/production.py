"""Production: refuses to start without a real secret key; HTTPS behind a reverse proxy.

Everything comes from the environment (docs/production.env.example documents every variable).
A bad value stops the process with one line naming the variable (ImproperlyConfigured).
"""

from django.core.exceptions import ImproperlyConfigured

from training_site.settings.base import *  # noqa: F403
from training_site.settings.base import LOGGING, SECRET_KEY, env, env_bool, env_list

_WEAK_KEYS = {"", "insecure-development-key-change-me", "changeme", "secret"}
if not SECRET_KEY or SECRET_KEY in _WEAK_KEYS or len(SECRET_KEY) < 40 or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 40 characters in production."
    )

DEBUG = False
if env_bool("DEBUG", False):
    raise ImproperlyConfigured("DEBUG must be off in production (unset it or set DEBUG=0).")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names in production.")
REQUIRE_STAFF_MFA = env_bool("REQUIRE_STAFF_MFA", True)
DEMO_PASSWORDS_ALLOWED = False

# HTTPS behind a reverse proxy that sets X-Forwarded-Proto (and X-Forwarded-For, read only from
# the addresses in TRUSTED_PROXIES: see training_site/core/client_ip.py).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# One JSON object per line on stderr (gunicorn's own access log is off: see gunicorn.conf.py).
LOGGING["handlers"]["console"]["formatter"] = env("LOG_FORMAT", "json")

# The Wagtail admin previews pages in a same-origin frame, so X-Frame-Options stays SAMEORIGIN
# (and CSP frame-ancestors 'self'); other origins still cannot frame the site.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

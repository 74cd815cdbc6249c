"""Deployment settings built from the environment: storage, task queue, security headers.

Plain functions, called from base.py and production.py, so that every environment builds these
settings the same way and a bad value stops the process with one line naming the variable.
"""

import ipaddress
from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

STORAGE_BACKENDS = ("local", "s3")
TASKS_BACKENDS = ("db", "rq")


def storages(environ: Mapping[str, str], *, private_root: str) -> dict:
    """Media ("default") and certificate files ("private") on local disk or S3-compatible storage.

    The "private" storage never hands out a public URL: on disk it has no URL at all (files are
    served through permission-checked views); on S3 its URLs are signed and expire in minutes.
    """
    backend = environ.get("STORAGE_BACKEND", "local").strip().lower() or "local"
    if backend not in STORAGE_BACKENDS:
        raise ImproperlyConfigured(
            f"STORAGE_BACKEND must be one of {', '.join(STORAGE_BACKENDS)}, not {backend!r}."
        )
    if backend == "local":
        return {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "private": {
                "BACKEND": "training_site.core.storage.PrivateFileSystemStorage",
                "OPTIONS": {"location": private_root},
            },
        }
    for name in ("S3_MEDIA_BUCKET", "S3_PRIVATE_BUCKET"):
        if not environ.get(name):
            raise ImproperlyConfigured(f"{name} must be set when STORAGE_BACKEND=s3.")
    common = {
        "endpoint_url": environ.get("S3_ENDPOINT_URL") or None,
        "region_name": environ.get("S3_REGION") or None,
        "access_key": environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": environ.get("S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
    }
    return {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": environ["S3_MEDIA_BUCKET"],
                "location": "media",
                "custom_domain": environ.get("S3_MEDIA_DOMAIN") or None,
                "querystring_auth": False,  # public media: the bucket policy allows reading media/
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **common,
                "bucket_name": environ["S3_PRIVATE_BUCKET"],
                "location": "private",
                "default_acl": "private",
                "custom_domain": None,  # a custom domain would disable signing
                "querystring_auth": True,
                "querystring_expire": 300,
            },
        },
    }


def trusted_proxies(environ: Mapping[str, str]) -> list[str]:
    """TRUSTED_PROXIES: the reverse proxies' addresses or networks, comma-separated
    ("127.0.0.1,::1", "10.0.0.0/8"). Only a request from one of them may say, in
    X-Forwarded-For, which client it comes from (training_site.core.client_ip). Default: none."""
    networks = []
    for entry in environ.get("TRUSTED_PROXIES", "").split(","):
        if not entry.strip():
            continue
        try:
            networks.append(str(ipaddress.ip_network(entry.strip(), strict=False)))
        except ValueError:
            raise ImproperlyConfigured(
                f"TRUSTED_PROXIES must list IP addresses or networks, not {entry.strip()!r}."
            ) from None
    return networks


def tasks(environ: Mapping[str, str], *, redis_url: str | None) -> tuple[dict, dict | None]:
    """The Tasks backend: the database (default, `db_worker`) or RQ on Redis (`rqworker`).

    Returns (TASKS, RQ_QUEUES); RQ_QUEUES is None for the database backend.
    """
    backend = environ.get("TASKS_BACKEND", "db").strip().lower() or "db"
    if backend not in TASKS_BACKENDS:
        raise ImproperlyConfigured(
            f"TASKS_BACKEND must be one of {', '.join(TASKS_BACKENDS)}, not {backend!r}."
        )
    queues = [q.strip() for q in environ.get("TASKS_QUEUES", "default").split(",") if q.strip()]
    if backend == "db":
        return {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": queues}}, None
    if not redis_url:
        raise ImproperlyConfigured("REDIS_URL must be set when TASKS_BACKEND=rq.")
    rq_queues = {
        name: {
            "URL": redis_url,
            "DEFAULT_TIMEOUT": int(environ.get("TASKS_TIMEOUT", "900")),
            "CONNECTION_KWARGS": {"socket_connect_timeout": 2},
        }
        for name in queues
    }
    return {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": queues}}, rq_queues


# The Wagtail admin renders a few inline scripts (e.g. the date-time pickers of "Schedule
# publishing": `<script>initDateTimeChooser(...)</script>`), so under /admin/ only, inline scripts
# are allowed. The public site keeps `script-src 'self'`.
ADMIN_POLICY_UPDATE = {"script-src": ["'unsafe-inline'"]}


def content_security_policy(environ: Mapping[str, str], *, media_origin: str = "") -> dict:
    """django-csp 4 policy for the site and the Wagtail admin (see docs/deploy.md).

    Scripts come only from our own origin. Styles allow inline `style` attributes because the
    Wagtail admin (and its userbar on site pages) sets them from script; no inline `<script>`.
    """
    self_ = "'self'"
    media = [media_origin] if media_origin else []
    frames = environ.get(
        "CSP_FRAME_SRC",
        "https://www.youtube.com https://www.youtube-nocookie.com https://player.vimeo.com",
    ).split()
    directives = {
        "default-src": [self_],
        "script-src": [self_],
        "style-src": [self_, "'unsafe-inline'"],
        "img-src": [self_, "data:", "blob:", *media],
        "media-src": [self_, *media],
        "font-src": [self_, "data:"],
        "connect-src": [self_],
        "frame-src": [self_, *frames],
        "frame-ancestors": [self_],
        "form-action": [self_],
        "base-uri": [self_],
        "object-src": ["'none'"],
    }
    report_uri = environ.get("CSP_REPORT_URI")
    if report_uri:
        directives["report-uri"] = [report_uri]
    return {"DIRECTIVES": directives}

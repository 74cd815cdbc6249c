"""Settings for `make bench`: the production code path (DEBUG off) on a scratch database."""

import os

from training_site.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "tests.benchmarks.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
REQUIRE_STAFF_MFA = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }

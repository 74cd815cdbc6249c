"""Development: debug on, mail printed to the console, two-factor optional for the demo."""

from training_site.settings.base import *  # noqa: F403
from training_site.settings.base import env_bool

DEBUG = env_bool("DEBUG", True)
REQUIRE_STAFF_MFA = env_bool("REQUIRE_STAFF_MFA", False)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
DEMO_PASSWORDS_ALLOWED = True

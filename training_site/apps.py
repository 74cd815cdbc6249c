from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from wagtail.users.apps import WagtailUsersAppConfig


class TrainingSiteConfig(AppConfig):
    default = True  # apps.py also holds the users app's config
    name = "training_site"
    verbose_name = _("Training centre site")

    def ready(self):
        from training_site.core import patches
        from training_site.core.caching import invalidation
        from training_site.core.observability import connect_task_signals

        invalidation.connect()
        connect_task_signals()
        # Patches import Wagtail's admin views, which need the app registry ready.
        patches.apply()


class UsersAppConfig(WagtailUsersAppConfig):
    """Wagtail's user admin, with forms that leave the platform's role groups to the role
    services (training_site.user_admin)."""

    default = False
    user_viewset = "training_site.user_admin.PlatformUserViewSet"

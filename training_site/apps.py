from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingSiteConfig(AppConfig):
    name = "training_site"
    verbose_name = _("Training centre site")

    def ready(self):
        from . import signals

        signals.connect()
        from .content_cache import connect_signals

        connect_signals()
        from .observability import connect_task_signals

        connect_task_signals()
        from .auth_backends import connect_signals as connect_permission_signals

        connect_permission_signals()
        # Patches import Wagtail's admin views, which need the app registry ready.
        from . import patches

        patches.apply()

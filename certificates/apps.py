from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from courses.signals import enrollment_completed


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")

    def ready(self):
        from . import receivers  # imports tasks and models: only once the app registry is ready

        enrollment_completed.connect(
            receivers.issue_on_completion, dispatch_uid="certificates.issue_on_completion"
        )

from importlib import import_module

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

# Each area seeds its own demo data; the order follows their dependencies.
DEMO_MODULES = [
    "training_site.demo.site",
    "courses.demo.catalogue",
    "courses.demo.enrollment",
    "courses.demo.nominations",
    "courses.demo.learning",
    "certificates.demo",
    "courses.demo.reports",
    "training_site.demo.visits",
]


class Command(BaseCommand):
    help = "Load the demo centre: pages in three languages, courses and users for each role."

    def handle(self, *args, **options):
        if not getattr(settings, "DEMO_PASSWORDS_ALLOWED", False):
            raise CommandError("Demo accounts are refused with these settings (production).")
        with transaction.atomic():
            for name in DEMO_MODULES:
                try:
                    module = import_module(name)
                except ModuleNotFoundError as exc:
                    if not name.startswith(exc.name or "?"):
                        raise
                    continue
                module.seed(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data is ready."))

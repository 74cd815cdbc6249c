from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

pytestmark = pytest.mark.django_db(transaction=False)

COUNTED_APPS = ("training_site", "courses", "certificates", "wagtailcore", "auth", "account")


def _row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in COUNTED_APPS
    }


def test_seed_demo_twice_leaves_the_same_rows(client):
    call_command("seed_demo")
    first = _row_counts()
    call_command("seed_demo")
    assert _row_counts() == first
    assert first["training_site.HomePage"] == 3
    for code in ("ar", "en", "fr"):
        assert client.get(f"/{code}/").status_code == 200


def test_seed_demo_refused_in_production(settings):
    settings.DEMO_PASSWORDS_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("seed_demo")

from django.core import mail

import pytest

from tests import factories
from training_site.core.email import language_for, send_templated_email

pytestmark = pytest.mark.django_db


def test_mail_is_sent_only_after_commit(django_capture_on_commit_callbacks, tmp_path, settings):
    from training_site.core.email import _text_engine

    _text_engine.cache_clear()
    settings.TEMPLATES[0]["DIRS"] = [tmp_path, *settings.TEMPLATES[0]["DIRS"]]
    (tmp_path / "emails").mkdir()
    (tmp_path / "emails" / "hello_subject.txt").write_text(
        "{% load i18n %}{% translate 'Sign in' %}"
    )
    (tmp_path / "emails" / "hello.txt").write_text("Hello {{ name }}")
    with django_capture_on_commit_callbacks(execute=True):
        send_templated_email(
            to="a@example.org", template="hello", context={"name": "<b>Amal</b>"}, language="fr"
        )
        assert mail.outbox == []
    assert mail.outbox[0].subject == "Se connecter"
    assert mail.outbox[0].body == "Hello <b>Amal</b>"


def test_language_follows_the_trainee_profile():
    profile = factories.TraineeProfileFactory(preferred_language="fr")
    assert language_for(profile.user) == "fr"
    assert language_for(factories.UserFactory()) == "ar"

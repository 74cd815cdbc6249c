import re

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

pytestmark = pytest.mark.django_db

PASSWORD = "a-Strong-passphrase-42"


def _sign_up(client, lang, email="amina@example.org", password2=PASSWORD):
    return client.post(
        f"/{lang}/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": password2},
    )


def test_sign_up_confirm_log_in_log_out(client, home_pages):
    response = _sign_up(client, "en")
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0)
    path = (
        link.split("testserver", 1)[-1]
        if "testserver" in link
        else re.sub(r"^https?://[^/]+", "", link)
    )
    assert client.get(path).status_code == 200
    response = client.post(path)
    assert response.status_code == 302
    client.logout()
    response = client.post(
        "/en/accounts/login/", {"login": "amina@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session
    client.post("/en/accounts/logout/")
    assert "_auth_user_id" not in client.session


def test_confirmation_mail_is_in_the_visitors_language(client, home_pages):
    _sign_up(client, "fr")
    assert "Confirmez votre adresse e-mail" in mail.outbox[0].subject
    assert "/fr/accounts/confirm-email/" in mail.outbox[0].body


def test_unverified_account_cannot_log_in(client, home_pages):
    _sign_up(client, "en")
    client.logout()
    mail.outbox.clear()
    response = client.post(
        "/en/accounts/login/", {"login": "amina@example.org", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]


@pytest.mark.parametrize(
    ("lang", "error"), [("en", "same password"), ("fr", "même mot de passe"), ("ar", "كلمة المرور")]
)
def test_malformed_sign_up_shows_field_errors_in_language_and_saves_nothing(
    client, home_pages, lang, error
):
    response = _sign_up(client, lang, email="not-an-email", password2="different")
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not get_user_model().objects.exists()


def test_password_reset_sends_a_link(client, user, home_pages):
    response = client.post("/en/accounts/password/reset/", {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_account_pages_use_the_site_layout(client, home_pages):
    html = client.get("/ar/accounts/login/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'class="site-header"' in html

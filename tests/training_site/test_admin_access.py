import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_admin_goes_to_the_allauth_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_admin_login_page_redirects_to_allauth(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/login/?next=/admin/pages/")


def test_admin_login_ignores_foreign_next(client):
    response = client.get("/admin/login/?next=https://evil.example/")
    assert "evil" not in response["Location"]


def test_non_staff_user_is_refused(client, user, settings):
    settings.REQUIRE_STAFF_MFA = False
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 403


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/login/", "/admin/nothing/"])
def test_a_signed_in_trainee_opening_the_admin_gets_a_clear_page_not_a_loop(client, path):
    from tests import factories

    trainee = factories.TraineeFactory()
    client.force_login(trainee)
    client.cookies["django_language"] = "en"
    response = client.get(path, follow=True)  # raised RedirectCycleError before
    assert response.status_code == 403
    html = response.content.decode()
    assert "This area is for the centre's team" in html
    assert trainee.email in html
    assert 'href="/en/my/"' in html  # a way back


def test_the_refusal_is_in_the_persons_language(client):
    from tests import factories

    trainee = factories.TraineeFactory()
    trainee.trainee_profile.preferred_language = "fr"
    trainee.trainee_profile.save()
    client.force_login(trainee)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Cet espace est réservé à l’équipe du centre" in html
    assert 'lang="fr"' in html and 'href="/fr/my/"' in html
    client.cookies["django_language"] = "ar"  # chosen on this browser: wins
    html = client.get("/admin/").content.decode()
    assert 'lang="ar" dir="rtl"' in html and 'href="/ar/my/"' in html


def test_staff_without_two_factor_is_sent_to_enable_it(client, staff_user):
    client.force_login(staff_user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/accounts/2fa/totp/activate/" in response["Location"]


def test_staff_with_two_factor_reaches_the_admin(client, mfa_staff_user):
    client.force_login(mfa_staff_user)
    assert client.get("/admin/").status_code == 200


def test_two_factor_requirement_can_be_switched_off_for_the_demo(client, staff_user, settings):
    settings.REQUIRE_STAFF_MFA = False
    client.force_login(staff_user)
    assert client.get("/admin/").status_code == 200


def test_centre_staff_edit_site_pages(client, mfa_staff_user, home_pages):
    client.force_login(mfa_staff_user)
    response = client.get(f"/admin/pages/{home_pages['en'].pk}/edit/")
    assert response.status_code == 200


def test_a_trainee_cannot_edit_pages(client, user, home_pages, settings):
    settings.REQUIRE_STAFF_MFA = False
    client.force_login(user)
    response = client.get(f"/admin/pages/{home_pages['en'].pk}/edit/")
    assert response.status_code in (302, 403)

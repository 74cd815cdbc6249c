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
    assert response.status_code == 302
    assert "/admin/" not in response["Location"].split("?")[0]


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

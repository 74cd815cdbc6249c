"""One way in: every URL the site answers is opened, and every form on it with a password field
is sent valid credentials, as a visitor and as a signed-in trainee. Only allauth's sign-in view
may sign anybody in, and it keeps its guards (two-factor for staff, verified e-mail)."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.auth import user_logged_in
from django.contrib.auth.tokens import default_token_generator
from django.urls import resolve
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

import pytest
from allauth.account.forms import default_token_generator as allauth_tokens
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str

from tests import factories
from tests.routes import all_routes, fill

pytestmark = pytest.mark.django_db

PASSWORD = factories.DEFAULT_PASSWORD
APPROVED = {"account_login"}  # allauth: rate limits, two-factor stage, verified e-mail
IDENTIFIERS = {"login", "username", "email"}


class Forms(HTMLParser):
    """The forms of a page: action, method and the inputs (name, type, value)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action") or "", "inputs": []})
            self.forms[-1]["method"] = (attrs.get("method") or "get").lower()
        elif tag in ("input", "textarea", "select") and self.forms and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower() if tag == "input" else tag
            self.forms[-1]["inputs"].append((attrs["name"], kind, attrs.get("value") or ""))


def password_forms(html: str) -> list[dict]:
    parser = Forms()
    parser.feed(html)
    return [f for f in parser.forms if any(kind == "password" for _, kind, _ in f["inputs"])]


def credentials(form: dict, user) -> dict:
    data = {}
    for name, kind, value in form["inputs"]:
        if kind == "password":
            data[name] = PASSWORD
        elif kind in ("text", "email") and name.lower() in IDENTIFIERS:
            data[name] = user.username if name.lower() == "username" else user.email
        elif kind in ("hidden", "text", "email", "textarea"):
            data[name] = value
        elif kind == "checkbox" and name == "remember":
            data[name] = "on"
    return data


@pytest.fixture
def doors_world(home_pages, private_storage):
    """Everything a password form can stand on: a page and a collection of documents behind
    the same shared password as the account, password-reset links, staff with two-factor."""

    from training_site.models import StandardPage

    person = factories.UserFactory(username="robot-target")  # verified e-mail, no second factor
    staff = factories.StaffFactory()
    factories.TOTPAuthenticatorFactory(user=staff)
    page = home_pages["en"].add_child(instance=StandardPage(title="Members", slug="members"))
    page.save_revision().publish()
    page_restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    collection = Collection.get_first_root_node().add_child(name="Private handouts")
    collection_restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    document = factories.DocumentFactory(collection=collection)
    uidb36 = user_pk_to_url_str(person)
    explicit = {
        "": ["/admin/no-such-page/"],  # the admin's catch-all
        "wagtail_serve": ["/en/", page.url],
        "wagtaildocs_serve": [document.url],
        "account_reset_password_from_key": [
            f"/en/accounts/password/reset/key/{uidb36}-{allauth_tokens.make_token(person)}/"
        ],
    }
    values = {
        "page_view_restriction_id": page_restriction.pk,
        "page_id": page.pk,
        "restriction_id": collection_restriction.pk,
        "uidb64": urlsafe_base64_encode(force_bytes(person.pk)),
        "token": default_token_generator.make_token(person),
    }
    return {"person": person, "staff": staff, "explicit": explicit, "values": values}


def view_name(path: str) -> str:
    """The view name of `path`, in the language its prefix names (i18n patterns resolve in the
    active language)."""
    prefix = path.split("/")[1]
    with translation.override(prefix if prefix in dict(settings.LANGUAGES) else None):
        return resolve(path).view_name


def every_url(world):
    for name, route in all_routes():
        yield from world["explicit"].get(name) or [fill(route, world["values"])]


@pytest.fixture
def sign_ins():
    """The path of every request that signed somebody in."""
    paths = []

    def record(sender, request, user, **kwargs):
        if request is not None and request.path:  # not the test client's force_login()
            paths.append(request.path)

    user_logged_in.connect(record, dispatch_uid="test-sign-in-doors")
    yield paths
    user_logged_in.disconnect(dispatch_uid="test-sign-in-doors")


def _try_every_password_form(client, world, user, *, signed_in_as=None):
    """GET every URL (following redirects), signed in as `signed_in_as` or not; POST `user`'s
    credentials to every password form found, once per target. Returns {view name of the
    target: who was signed in after}."""
    tried = {}
    for url in every_url(world):
        if signed_in_as is not None:
            signed_in_as.refresh_from_db()  # a form may have changed (re-hashed) its password
            client.force_login(signed_in_as)
        response = client.get(url, follow=True)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        page_url = response.request["PATH_INFO"]
        for form in password_forms(response.content.decode()):
            target = urlsplit(urljoin(page_url, form["action"] or page_url)).path
            name = view_name(target)
            if form["method"] != "post" or name in tried:
                continue
            client.post(target, credentials(form, user))
            tried[name] = client.session.get("_auth_user_id")
            if tried[name] and name in APPROVED:
                client.logout()
    return tried


def test_only_allauth_signs_a_visitor_in(client, doors_world, sign_ins):
    person = doors_world["person"]
    tried = _try_every_password_form(client, doors_world, person)
    # The walk found the forms that matter: allauth's, and the page and document passwords.
    assert {"account_login", "wagtailcore_authenticate_with_password"} <= set(tried)
    assert "wagtaildocs_authenticate_with_password" in tried
    signed_in = {name for name, user_id in tried.items() if user_id}
    assert signed_in == APPROVED, f"views that signed a visitor in: {signed_in - APPROVED}"
    assert {view_name(path) for path in sign_ins} == APPROVED


def test_no_form_turns_a_signed_in_trainee_into_somebody_else(client, doors_world, sign_ins):
    trainee = factories.TraineeFactory()
    tried = _try_every_password_form(
        client, doors_world, doors_world["person"], signed_in_as=trainee
    )
    assert "account_change_password" in tried  # the walk reached the signed-in forms
    # Signed out (allauth does so on another account's reset link) is fine; somebody else is not.
    changed = {name for name, user_id in tried.items() if user_id not in (str(trainee.pk), None)}
    assert not changed, f"forms that changed who is signed in: {changed}"
    assert sign_ins == []


def test_allauth_asks_staff_for_their_second_factor(client, doors_world):
    staff = doors_world["staff"]
    response = client.post("/en/accounts/login/", {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert "/accounts/2fa/authenticate/" in response["Location"]
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still signed out


def test_allauth_does_not_sign_in_an_unverified_address(client, db):
    person = factories.UserFactory()
    EmailAddress.objects.filter(user=person).update(verified=False)
    client.post("/en/accounts/login/", {"login": person.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_the_settings_that_would_open_other_doors_stay_shut(settings):
    assert settings.ACCOUNT_EMAIL_VERIFICATION == "mandatory"
    assert not settings.ACCOUNT_LOGIN_BY_CODE_ENABLED
    assert not settings.ACCOUNT_LOGIN_ON_PASSWORD_RESET
    assert not settings.WAGTAIL_PASSWORD_MANAGEMENT_ENABLED
    assert not settings.WAGTAIL_PASSWORD_RESET_ENABLED
    assert settings.WAGTAIL_FRONTEND_LOGIN_URL == settings.WAGTAILADMIN_LOGIN_URL == "account_login"


SIGNS_IN = re.compile(
    r"\bauth\.login\(|^\s*from django\.contrib\.auth import .*\blogin\b|perform_login", re.MULTILINE
)


def test_no_module_of_the_project_signs_anybody_in_itself():
    root = Path(__file__).resolve().parents[2]
    found = [
        path.relative_to(root).as_posix()
        for package in ("courses", "certificates", "training_site")
        for path in (root / package).rglob("*.py")
        if SIGNS_IN.search(path.read_text())
    ]
    assert not found, f"modules that sign people in (allauth's sign-in is the only way): {found}"


def test_a_page_password_is_throttled_and_the_right_one_then_waits(client, doors_world, settings):
    settings.VIEW_RESTRICTION_PASSWORD_LIMIT = 3
    url = fill(
        "en/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        doors_world["values"],
    )
    answers = [
        client.post(url, {"password": f"guess-{n}", "return_url": "/en/"}).status_code
        for n in range(3)
    ]
    locked = client.post(url, {"password": PASSWORD, "return_url": "/en/"})
    assert answers == [200, 200, 200]  # the form again, "wrong password"
    assert locked.status_code == 429
    assert "Too many tries" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert "passed_page_view_restrictions" not in client.session  # the right password waits too

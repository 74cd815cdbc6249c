"""Every URL outside the admin, the project's, allauth's, Wagtail's and the documents', requested
as each of nine roles: each cell has an expected answer (tests/system/matrix.py says how an
answer is read). A URL pattern added without an entry fails `test_every_url_has_an_entry`, so no
page ships without somebody deciding who may see it. Requests are GETs; views that only accept
POST are expected to refuse a GET (after the sign-in check for signed-in-only views)."""

import pytest

from tests.system.matrix import (
    FOCAL,
    INSTRUCTORS,
    ROLES,
    STAFF,
    answer,
    cells,
    client_for,
    every,
    only,
    routes,
    signed_in,
    url_of,
)

pytestmark = pytest.mark.django_db


def _en(path: str) -> str:
    return f"/en{path}"


# How to build the URLs that need an object of the world (the others are filled with values
# that name nothing: tests/routes.py).
URLS = {
    "verify_redirect": lambda w: f"/verify/{w['certificate'].code}/",
    "courses:run_ics": lambda w: _en(f"/programmes/runs/{w['run'].public_id}/calendar.ics"),
    "courses:apply": lambda w: _en(f"/programmes/runs/{w['run'].public_id}/apply/"),
    "courses:withdraw": lambda w: _en(f"/my/enrollments/{w['enrollment'].public_id}/withdraw/"),
    "courses:run_progress": lambda w: _en(f"/my/runs/{w['enrollment'].public_id}/"),
    "courses:invitation_letter": lambda w: _en(f"/my/letters/{w['enrollment'].public_id}/"),
    "courses:letter_confirm": lambda w: _en(f"/letters/{w['letter'].code}/"),
    "courses:lesson_done": lambda w: _en(f"/learn/lessons/{w['lesson'].translation_key}/done/"),
    "courses:attempt_start": lambda w: _en(f"/learn/tests/{w['test'].translation_key}/start/"),
    "courses:attempt_submit": lambda w: _en(f"/learn/attempts/{w['attempt'].public_id}/submit/"),
    "courses:attempt_result": lambda w: _en(f"/learn/attempts/{w['attempt'].public_id}/"),
    "courses:teaching_run": lambda w: _en(f"/teach/runs/{w['run'].public_id}/"),
    "courses:roll_call": lambda w: _en(f"/teach/sessions/{w['session'].public_id}/roll-call/"),
    "courses:override_completion": lambda w: _en(
        f"/teach/enrollments/{w['enrollment'].public_id}/completion/"
    ),
    "courses:nominate": lambda w: _en(
        f"/focal-point/runs/{w['invitation_run'].public_id}/nominate/"
    ),
    "courses:nominate_csv": lambda w: _en(
        f"/focal-point/runs/{w['invitation_run'].public_id}/nominate/csv/"
    ),
    "courses:nomination": lambda w: _en(f"/nominations/{w['token']}/"),
    "courses:nomination_accept": lambda w: _en(f"/nominations/{w['token']}/accept/"),
    "courses:nomination_decline": lambda w: _en(f"/nominations/{w['token']}/decline/"),
    "certificates:verify_json": lambda w: _en(f"/verify/{w['certificate'].code}.json"),
    "certificates:verify_code": lambda w: _en(f"/verify/{w['certificate'].code}/"),
    "certificates:download": lambda w: _en(f"/certificates/{w['certificate'].public_id}/download/"),
    "document": lambda w: w["document"].url,
    "wagtail_serve": lambda w: "/en/",
    "wagtail_serve (lesson)": lambda w: w["lesson"].url,
    "wagtail_serve (private page)": lambda w: w["private_page"].url,
    "wagtail_serve (no such page)": lambda w: "/en/no-such-page/",
    "wagtaildocs_authenticate_with_password": lambda w: "/documents/authenticate_with_password/1/",
}

# Each route's answers. Third-party views hold no data of ours beyond the visitor's own account.
MATRIX = {
    # --- operations and shared ------------------------------------------------------------------
    "healthz": every("ok"),
    # Superuser-only operations check (POST to enqueue; results 404 for anyone else).
    "task_probe": every("405"),
    "task_probe_result": every("404"),
    "sitemap": every("ok"),
    "set_language": every("redirect"),
    "verify_redirect": every("redirect"),
    # --- catalogue: public ---------------------------------------------------------------------
    "courses:run_ics": every("ok"),
    "courses:runs_feed": every("ok"),
    "courses:brochure": every("ok"),
    # --- a trainee's own space ------------------------------------------------------------------
    "courses:dashboard": signed_in(),
    "courses:profile": signed_in(),
    "courses:my_data": signed_in(),
    "courses:delete_account": signed_in(),
    "certificates:mine": signed_in(),
    # People without a complete trainee profile are sent to complete it first.
    "courses:apply": only(("trainee_a", "trainee_b"), others="redirect"),
    "courses:withdraw": only(("trainee_a",)),
    "courses:run_progress": only(("trainee_a",)),
    "courses:invitation_letter": only(("trainee_a", *STAFF)),
    "courses:letter_confirm": every("ok"),
    # --- learning (POST only) -------------------------------------------------------------------
    "courses:lesson_done": signed_in("405"),
    "courses:attempt_start": signed_in("405"),
    "courses:attempt_submit": signed_in("405"),
    "courses:attempt_result": only(("trainee_a",)),
    # The lesson handout: a place on a run of its course, its instructor, or staff.
    "document": only(("trainee_a", "instructor_1", *STAFF)),
    # --- teaching -------------------------------------------------------------------------------
    "courses:teaching_runs": only((*INSTRUCTORS, *STAFF)),
    "courses:teaching_run": only(("instructor_1", *STAFF)),
    "courses:roll_call": only(("instructor_1", *STAFF)),
    "courses:override_completion": only(STAFF),
    # --- focal points and nominations -----------------------------------------------------------
    "courses:focal_point": only(FOCAL),
    "courses:nominate": only(FOCAL),
    "courses:nominate_csv": only(FOCAL),
    "courses:nomination": every("ok"),
    "courses:nomination_accept": every("405"),
    "courses:nomination_decline": every("405"),
    # --- certificates ---------------------------------------------------------------------------
    "certificates:verify": every("ok"),
    "certificates:verify_file": every("405"),
    "certificates:verify_json": every("ok"),
    "certificates:verify_code": every("ok"),
    "certificates:download": only(("trainee_a", "focal_x", *STAFF)),
    # --- study visits ---------------------------------------------------------------------------
    "visits:request": every("ok"),
    # Shown only right after a request was sent; otherwise back to the form.
    "visits:request_sent": every("redirect"),
    # --- Wagtail's front end --------------------------------------------------------------------
    "wagtail_serve": every("ok"),
    "wagtail_serve (lesson)": every("ok"),  # the outline; the body: test_lesson_bodies_...
    "wagtail_serve (private page)": every("ok"),  # its password form
    "wagtail_serve (no such page)": every("404"),
    "wagtailcore_login": every("login"),  # not a way in: sends to allauth
    "wagtailcore_authenticate_with_password": every("ok"),  # password forms: throttled
    "wagtaildocs_authenticate_with_password": every("404"),  # no such restriction
    # --- allauth: accounts and two-factor (about the signed-in person only) ---------------------
    "account_login": cells(anonymous="ok", default="redirect"),
    "account_signup": cells(anonymous="ok", default="redirect"),
    "account_logout": cells(anonymous="redirect", default="ok"),
    "account_inactive": every("ok"),
    "account_reauthenticate": signed_in(),
    "account_request_reauthentication_code": signed_in(),
    "account_confirm_reauthentication_code": signed_in("redirect"),  # no code was sent
    "account_confirm_login_code": signed_in("redirect"),  # sign-in by code is off
    "account_email": signed_in(),
    "account_email_verification_sent": every("ok"),
    "account_confirm_email": every("ok"),  # "this link is not valid"
    "account_change_password": signed_in(),
    "account_set_password": signed_in("redirect"),  # everybody has a password
    "account_reset_password": every("ok"),
    "account_reset_password_done": every("ok"),
    "account_reset_password_from_key": every("ok"),  # "this link is not valid"
    "account_reset_password_from_key_done": every("ok"),
    "mfa_index": signed_in(),
    "mfa_authenticate": signed_in("redirect"),  # no sign-in waiting for a code
    "mfa_reauthenticate": cells(anonymous="login", staff="ok", default="redirect"),
    "mfa_activate_totp": signed_in("redirect"),  # asks to confirm the password first
    "mfa_deactivate_totp": cells(anonymous="login", staff="redirect", default="404"),
    "mfa_generate_recovery_codes": signed_in("redirect"),
    "mfa_view_recovery_codes": signed_in("404"),  # nobody has recovery codes yet
    "mfa_download_recovery_codes": signed_in("404"),
}

# Paths no pattern answers, which must not answer anything: media is served by the proxy or
# S3 in production, never documents or SVG (docs/deploy.md).
UNROUTED = {
    "media document": lambda w: f"/media/{w['document'].file.name}",
    "media svg": lambda w: "/media/original_images/logo.svg",
}


def test_every_url_has_an_entry():
    names = set(routes(admin=False))
    entries = {key.split(" (")[0] for key in MATRIX}
    assert not sorted(names - entries), "URLs without an entry in the permission matrix"
    assert not sorted(entries - names), "entries for URLs that no longer exist"
    assert all(set(answers) == set(ROLES) for answers in MATRIX.values())


@pytest.mark.parametrize("key", sorted(MATRIX))
def test_permission_matrix(client, world, key):
    name = key.split(" (")[0]
    url = url_of(key, routes(admin=False)[name], world, URLS)
    wrong = {}
    for role in ROLES:
        got = answer(client_for(client, world, role).get(url), url, client)
        if got != MATRIX[key][role]:
            wrong[role] = f"expected {MATRIX[key][role]}, got {got}"
    assert not wrong, f"{url}: {wrong}"


@pytest.mark.parametrize("key", sorted(UNROUTED))
def test_nothing_answers_for_media(client, world, key):
    url = UNROUTED[key](world)
    for role in ROLES:
        response = client_for(client, world, role).get(url)
        assert answer(response, url, client) == "404", (url, role)


def test_lesson_bodies_only_for_people_with_a_place(client, world):
    readers = {"trainee_a", "instructor_1", "staff"}
    for role in ROLES:
        html = client_for(client, world, role).get(world["lesson"].url).content.decode()
        assert ("Secret lesson body text." in html) == (role in readers), role
        assert (world["document"].url in html) == (role in readers), role

"""Hostile input in a trainee's forms: profile, the `next` parameter, assessment answers."""

from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.forms.profile import TraineeProfileForm
from courses.models import Attempt, TraineeProfile
from tests import factories

from .strategies import (
    RAW_MARKERS,
    assert_safe,
    counts,
    hidden_text,
    hostile_settings,
    hostile_text,
    marked_text,
)

pytestmark = pytest.mark.django_db

PROFILE_FIELDS = tuple(TraineeProfileForm._meta.fields)


@hostile_settings
@given(values=st.fixed_dictionaries({name: hostile_text for name in PROFILE_FIELDS}))
def test_a_hostile_profile_is_refused_whole_or_saved_as_text(client, home_pages, values):
    user = factories.UserFactory()
    client.force_login(user)
    response = client.post("/en/my/profile/", {**values, "consent": "on"})
    assert_safe(response)
    if response.status_code == 200:  # refused: the form again, nothing stored
        assert not TraineeProfile.objects.filter(user=user).exists()
    else:
        assert response.status_code == 302
        assert TraineeProfile.objects.filter(user=user).exists()
    assert_safe(client.get("/en/my/profile/"))
    assert_safe(client.get("/en/my/"))
    data = client.get("/en/my/profile/data.json")
    assert data.status_code == 200 and data["Content-Type"].startswith("application/json")


@hostile_settings
@given(name=marked_text, organisation=marked_text)
def test_a_stored_profile_is_shown_escaped_everywhere(client, run, name, organisation):
    """Valid profiles with markup in their free text: the pages show the text, not markup."""
    user = factories.UserFactory()
    client.force_login(user)
    data = {
        "name_latin": "Omar " + name,
        "name_arabic": name,
        "country": "JO",
        "organisation": organisation,
        "organisation_type": "police",
        "job_title": organisation,
        "preferred_language": "en",
        "sex": "",
        "consent": "on",
    }
    response = client.post("/en/my/profile/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    for url in ("/en/my/profile/", "/en/my/", f"/en/programmes/runs/{run.public_id}/apply/"):
        body = assert_safe(client.get(url))
        if url.endswith("profile/"):
            assert "&lt;" in body  # the markup is there, as text


@hostile_settings
@given(hidden=hidden_text)
def test_a_name_with_a_hidden_character_is_refused_with_a_message(client, home_pages, hidden):
    """Bidi controls, invisible format characters and control characters never reach a name."""
    user = factories.UserFactory()
    client.force_login(user)
    data = {
        "name_latin": f"Omar {hidden} Farouk",
        "name_arabic": "عمر فاروق",
        "country": "JO",
        "organisation": "PSD",
        "organisation_type": "police",
        "job_title": "Investigator",
        "preferred_language": "en",
        "sex": "",
        "consent": "on",
    }
    response = client.post("/en/my/profile/", data)
    assert response.status_code == 200
    assert "cannot be seen or that change" in assert_safe(response)
    assert not TraineeProfile.objects.filter(user=user).exists()


@hostile_settings
@given(target=hostile_text)
def test_next_never_leaves_the_site(client, home_pages, target):
    user = factories.TraineeFactory()
    client.force_login(user)
    profile = TraineeProfile.objects.get(user=user)
    data = {name: getattr(profile, name) for name in PROFILE_FIELDS}
    response = client.post("/en/my/profile/", {**data, "consent": "on", "next": target})
    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.netloc in ("", "testserver") and location.scheme in ("", "http", "https")
    assert not response["Location"].startswith(("//", "javascript:"))


# Question and choice ids of tests.factories.SAMPLE_QUESTIONS, mixed with anything else.
answer_keys = st.one_of(
    st.sampled_from(["q-q-single", "q-q-multi"]), hostile_text.map("q-{}".format)
)
answer_values = st.lists(
    st.one_of(st.sampled_from(["a1", "a2", "a3", "b1", "b2", "b3"]), hostile_text), max_size=4
)


@hostile_settings
@given(answers=st.dictionaries(answer_keys, answer_values, max_size=4))
def test_hostile_answers_are_scored_or_refused_with_nothing_saved(client, post_test, run, answers):
    enrollment = factories.EnrollmentFactory(run=run)
    client.force_login(enrollment.user)
    assert client.post(f"/en/learn/tests/{post_test.translation_key}/start/").status_code == 302
    attempt = Attempt.objects.get(enrollment=enrollment)
    before = counts(Attempt)
    response = client.post(f"/en/learn/attempts/{attempt.public_id}/submit/", answers)
    attempt.refresh_from_db()
    assert counts(Attempt) == before
    if response.status_code == 400:  # Django refuses a form field name over 1 KB outright
        assert attempt.submitted_at is None
        assert_safe(response)
        return
    assert response.status_code == 302
    if attempt.submitted_at is None:
        assert attempt.score is None and attempt.answers in ({}, None)
    else:  # accepted: only known question and choice ids were stored
        assert set(attempt.answers) <= {"q-single", "q-multi"}
        assert set().union(*attempt.answers.values()) <= {"a1", "a2", "a3", "b1", "b2", "b3"}
    followed = client.get(response["Location"])
    body = assert_safe(followed)
    assert not any(marker in body for marker in RAW_MARKERS)

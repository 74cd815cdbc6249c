"""Tests (assessments): attempts, shuffling per attempt, scoring, feedback and bad input."""

import pytest

from courses.choices import EnrollmentStatus
from courses.exceptions import AttemptLimitReached, NotOnRun
from courses.models import Attempt
from courses.services.learning import start_attempt
from tests import factories

pytestmark = pytest.mark.django_db


def ar(message, plural=None, number=None, **values):
    """The interface text as an Arabic page shows it."""
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    with translation.override("ar"):
        text = ngettext(message, plural, number) if plural else gettext(message)
    return text % values if values else text


RIGHT = {"q-q-single": ["a1"], "q-q-multi": ["b1", "b2"]}
HALF = {"q-q-single": ["a1"], "q-q-multi": ["b1"]}


def start(client, test):
    return client.post(f"/ar/learn/tests/{test.translation_key}/start/")


def submit(client, attempt, answers):
    return client.post(f"/ar/learn/attempts/{attempt.public_id}/submit/", answers)


def test_visitor_sees_the_prompt_to_apply_not_the_questions(client, post_test):
    content = client.get(post_test.get_url()).content.decode()
    assert "Which is an element" not in content
    assert ar("Tests are open to trainees with a place on a run of this course.") in content


def test_starting_shows_the_questions_in_the_attempts_order(client, post_test, enrollment):
    client.force_login(enrollment.user)
    assert start(client, post_test).status_code == 302
    attempt = Attempt.objects.get(enrollment=enrollment)
    response = client.get(post_test.get_url())
    first = [c["id"] for c in response.context["questions"][0]["choices"]]
    # The same attempt always shows the same order (reloading does not reshuffle).
    again = client.get(post_test.get_url())
    assert [c["id"] for c in again.context["questions"][0]["choices"]] == first
    assert sorted(first) == ["a1", "a2", "a3"]
    assert "Which is an element" in response.content.decode()
    # Starting again while an attempt is open keeps that attempt.
    start(client, post_test)
    assert Attempt.objects.filter(enrollment=enrollment).count() == 1
    assert Attempt.objects.get().seed == attempt.seed


def test_different_attempts_get_their_own_order(post_test, enrollment):
    from courses.rules.assessment import shuffled_choices

    seeds = set()
    for _ in range(6):
        attempt = factories.AttemptFactory(
            enrollment=factories.EnrollmentFactory(run=enrollment.run),
            assessment=post_test,
            seed=len(seeds) + 1,
        )
        seeds.add(
            tuple(shuffled_choices(["b1", "b2", "b3"], seed=attempt.seed, question_id="q-multi"))
        )
    assert len(seeds) > 1


def test_submission_is_scored_with_feedback(client, post_test, enrollment):
    client.force_login(enrollment.user)
    start(client, post_test)
    attempt = Attempt.objects.get()
    response = submit(client, attempt, HALF)
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (50, False)
    assert attempt.answers == {"q-single": ["a1"], "q-multi": ["b1"]}
    feedback = client.get(response["Location"])
    content = feedback.content.decode()
    assert "50%" in content
    # An attempt is left: the explanation (which gives the answer away) is not shown.
    assert "Act, means and purpose." not in content
    questions = {q["id"]: q for q in feedback.context["questions"]}
    assert questions["q-single"]["right"] is True
    assert questions["q-multi"]["right"] is False


def test_passing_the_post_test(client, post_test, enrollment):
    client.force_login(enrollment.user)
    start(client, post_test)
    submit(client, Attempt.objects.get(), RIGHT)
    attempt = Attempt.objects.get()
    assert (attempt.score, attempt.passed) == (100, True)
    # No further attempt once passed.
    response = start(client, post_test)
    assert Attempt.objects.count() == 1
    assert (
        ar("You have already passed this test.")
        in client.get(response["Location"]).content.decode()
    )


def test_submitting_twice_is_refused_and_the_first_counts(client, post_test, enrollment):
    client.force_login(enrollment.user)
    start(client, post_test)
    attempt = Attempt.objects.get()
    submit(client, attempt, HALF)
    response = submit(client, attempt, RIGHT)
    assert response.status_code == 302
    assert (
        ar("This attempt was already submitted. Your first submission counts.")
        in client.get(response["Location"]).content.decode()
    )
    attempt.refresh_from_db()
    assert attempt.score == 50


def test_attempt_limit(client, post_test, enrollment):
    client.force_login(enrollment.user)
    for _ in range(post_test.max_attempts):
        start(client, post_test)
        submit(client, Attempt.objects.filter(submitted_at=None).get(), {})
    response = start(client, post_test)
    assert Attempt.objects.count() == post_test.max_attempts
    assert (
        ar("You have used all the attempts allowed for this test.")
        in client.get(response["Location"]).content.decode()
    )
    with pytest.raises(AttemptLimitReached):
        start_attempt(user=enrollment.user, assessment=post_test)


@pytest.mark.parametrize(
    "answers",
    [
        {"q-q-single": ["b1"]},  # a choice of another question
        {"q-q-single": ["nope"]},
        {"q-q-single": ["a1", "a2"]},  # two answers to a single-answer question
        {"q-unknown": ["a1"]},
    ],
)
def test_tampered_answers_are_refused_and_nothing_saved(client, post_test, enrollment, answers):
    client.force_login(enrollment.user)
    start(client, post_test)
    attempt = Attempt.objects.get()
    response = submit(client, attempt, answers)
    assert (
        ar("Your answers do not match the questions of this test. Nothing was saved.")
        in client.get(response["Location"]).content.decode()
    )
    attempt.refresh_from_db()
    assert attempt.submitted_at is None and attempt.score is None


def test_someone_elses_attempt_is_404(client, post_test, enrollment, run):
    client.force_login(enrollment.user)
    start(client, post_test)
    attempt = Attempt.objects.get()
    other = factories.EnrollmentFactory(run=run)
    client.force_login(other.user)
    assert submit(client, attempt, RIGHT).status_code == 404
    assert client.get(f"/ar/learn/attempts/{attempt.public_id}/").status_code == 404
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


@pytest.mark.parametrize("status", [EnrollmentStatus.PENDING, EnrollmentStatus.WITHDRAWN])
def test_test_for_a_run_one_is_not_on_is_refused(client, post_test, run, status):
    enrollment = factories.EnrollmentFactory(run=run, status=status)
    client.force_login(enrollment.user)
    response = start(client, post_test)
    assert (
        ar("You need a place on a run of this course to do this.")
        in client.get(response["Location"]).content.decode()
    )
    assert not Attempt.objects.exists()
    with pytest.raises(NotOnRun):
        start_attempt(user=enrollment.user, assessment=post_test)


def test_withdrawn_before_submitting_is_refused(client, post_test, enrollment):
    client.force_login(enrollment.user)
    start(client, post_test)
    enrollment.status = EnrollmentStatus.WITHDRAWN
    enrollment.save()
    attempt = Attempt.objects.get()
    response = submit(client, attempt, RIGHT)
    assert (
        ar("You need a place on a run of this course to do this.")
        in client.get(response["Location"]).content.decode()
    )
    attempt.refresh_from_db()
    assert attempt.submitted_at is None


def test_pre_test_score_and_knowledge_gain(client, pre_test, post_test, enrollment):
    from courses.queries.progress import summarise_enrollment

    client.force_login(enrollment.user)
    start(client, pre_test)
    submit(client, Attempt.objects.get(kind="pre"), HALF)
    start(client, post_test)
    submit(client, Attempt.objects.get(kind="post"), RIGHT)
    summary = summarise_enrollment(enrollment)
    assert (summary.pre_test_score, summary.post_test_score, summary.knowledge_gain) == (
        50,
        100,
        50,
    )
    # The pre-test allows one attempt only.
    start(client, pre_test)
    assert Attempt.objects.filter(kind="pre").count() == 1

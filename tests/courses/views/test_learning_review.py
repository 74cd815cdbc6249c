"""What a test's result page shows: right or wrong always; the correct answers and the
explanations only when the assessment's review policy allows, never while attempts remain."""

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

import pytest

from courses.choices import ReviewPolicy
from courses.models import AssessmentPage, Attempt
from tests import factories

pytestmark = pytest.mark.django_db

RIGHT = {"q-q-single": ["a1"], "q-q-multi": ["b1", "b2"]}
WRONG = {"q-q-single": ["a2"], "q-q-multi": ["b3"]}
# What gives the answers away on the page: the markers of correct choices and the explanation.
GIVEAWAYS = ("choice-correct", "choice-chosen-wrong", "Act, means and purpose.")


def attempt_result(client, test, answers):
    client.post(f"/ar/learn/tests/{test.translation_key}/start/")
    attempt = Attempt.objects.filter(assessment=test).order_by("-number").first()
    response = client.post(f"/ar/learn/attempts/{attempt.public_id}/submit/", answers)
    return client.get(response["Location"])


def correct_answer_label(language="ar"):
    with translation.override(language):
        return gettext("correct answer")


def shows_answers(response) -> bool:
    html = response.content.decode()
    choices = [c for q in response.context["questions"] for c in q["choices"]]
    in_context = any("correct" in choice for choice in choices)
    on_page = any(text in html for text in GIVEAWAYS) or correct_answer_label() in html
    assert in_context == on_page, "the page and what the view passed disagree"
    return on_page


@pytest.fixture
def test_with(course):
    def make(policy, max_attempts=2):
        return factories.AssessmentPageFactory(
            parent=course, review_policy=policy, max_attempts=max_attempts
        )

    return make


def test_the_safe_policy_is_the_default():
    assert AssessmentPage().review_policy == ReviewPolicy.NEVER
    field = AssessmentPage._meta.get_field("review_policy")
    assert field.default == ReviewPolicy.NEVER


@pytest.mark.parametrize("policy", list(ReviewPolicy))
def test_a_failed_attempt_with_attempts_left_gives_no_answer_away(
    client, enrollment, test_with, policy
):
    test = test_with(policy)
    client.force_login(enrollment.user)
    response = attempt_result(client, test, WRONG)
    assert response.status_code == 200
    assert not shows_answers(response)
    assert {q["id"]: q["right"] for q in response.context["questions"]} == {
        "q-single": False,
        "q-multi": False,
    }


def test_after_the_last_attempt_the_answers_are_shown(client, enrollment, test_with):
    test = test_with(ReviewPolicy.RIGHT_WRONG_THEN_ANSWERS)
    client.force_login(enrollment.user)
    assert not shows_answers(attempt_result(client, test, WRONG))
    last = attempt_result(client, test, WRONG)
    assert shows_answers(last)
    assert "Act, means and purpose." in last.content.decode()


def test_after_a_pass_the_answers_are_shown(client, enrollment, test_with):
    test = test_with(ReviewPolicy.AFTER_PASSING)
    client.force_login(enrollment.user)
    assert shows_answers(attempt_result(client, test, RIGHT))


def test_after_passing_only_stays_closed_when_the_last_attempt_fails(client, enrollment, test_with):
    test = test_with(ReviewPolicy.AFTER_PASSING, max_attempts=1)
    client.force_login(enrollment.user)
    assert not shows_answers(attempt_result(client, test, WRONG))


def test_never_means_never(client, enrollment, test_with):
    test = test_with(ReviewPolicy.NEVER, max_attempts=1)
    client.force_login(enrollment.user)
    response = attempt_result(client, test, RIGHT)
    assert not shows_answers(response)

    message = (
        "This test does not show its correct answers: only whether each of your answers was right."
    )
    with translation.override("ar"):
        assert gettext(message) != message and gettext(message) in response.content.decode()


def test_instructors_set_the_policy_in_the_admin(client, mfa_user_factory, course, test_with):
    test = test_with(ReviewPolicy.NEVER)
    instructor = factories.make_instructor(course, mfa_user_factory())
    client.force_login(instructor)
    form = client.get(f"/admin/pages/{test.pk}/edit/").context["form"]
    assert "review_policy" in form.fields
    assert {value for value, _label in form.fields["review_policy"].choices} == set(
        ReviewPolicy.values
    )


@pytest.mark.parametrize(
    "policy", [ReviewPolicy.RIGHT_WRONG_THEN_ANSWERS, ReviewPolicy.AFTER_PASSING]
)
def test_a_pre_test_never_shows_its_answers(course, policy):
    """Its questions come back in the post-test: its answers would give that one away."""
    pre_test = factories.AssessmentPageFactory.build(kind="pre", review_policy=policy)
    with pytest.raises(ValidationError) as refused:
        pre_test.clean()
    assert "review_policy" in refused.value.message_dict
    factories.AssessmentPageFactory.build(kind="pre", review_policy=ReviewPolicy.NEVER).clean()
    factories.AssessmentPageFactory.build(kind="post", review_policy=policy).clean()

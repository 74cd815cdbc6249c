"""The pure rules of learning: progress, resume, scoring, shuffling, attendance, completion."""

import pytest

from courses.choices import AttendanceStatus
from courses.exceptions import TamperedAnswers
from courses.rules.assessment import Question, score, shuffled_choices, validate_answers
from courses.rules.attendance import attendance_percent
from courses.rules.completion import CompletionFacts, evaluate
from courses.rules.progress import LessonFact, lesson_progress, resume_key


@pytest.fixture(autouse=True)
def _english():
    from django.utils import translation

    with translation.override("en"):
        yield


P, A, E = AttendanceStatus.PRESENT, AttendanceStatus.ABSENT, AttendanceStatus.EXCUSED

LESSONS = [LessonFact("a"), LessonFact("b"), LessonFact("c", required=False)]


def test_progress_counts_lessons_and_required_ones():
    progress = lesson_progress(LESSONS, {"a", "c"})
    assert (progress.done, progress.total, progress.percent) == (2, 3, 67)
    assert (progress.required_done, progress.required_total, progress.required_missing) == (1, 2, 1)


def test_progress_ignores_lessons_no_longer_in_the_course():
    assert lesson_progress(LESSONS, {"gone"}).done == 0


def test_progress_of_a_course_without_lessons_is_zero():
    assert lesson_progress([], set()).percent == 0


def test_resume_at_the_first_lesson_not_done_in_course_order():
    assert resume_key(LESSONS, set()) == "a"
    assert resume_key(LESSONS, {"a"}) == "b"
    assert resume_key(LESSONS, {"b"}) == "a"
    assert resume_key(LESSONS, {"a", "b", "c"}) is None


QUESTIONS = [
    Question("q1", ("a", "b", "c"), frozenset({"a"})),
    Question("q2", ("d", "e", "f"), frozenset({"d", "e"}), multiple=True),
]


def test_score_all_right():
    result = score(QUESTIONS, {"q1": ["a"], "q2": ["e", "d"]}, pass_mark=70)
    assert (result.correct, result.total, result.percent, result.passed) == (2, 2, 100, True)


def test_multiple_answer_question_needs_exactly_the_correct_choices():
    assert score(QUESTIONS, {"q2": ["d"]}, pass_mark=50).right == frozenset()
    assert score(QUESTIONS, {"q2": ["d", "e", "f"]}, pass_mark=50).right == frozenset()


def test_pass_mark_is_inclusive():
    answers = {"q1": ["a"]}
    assert score(QUESTIONS, answers, pass_mark=50).passed is True
    assert score(QUESTIONS, answers, pass_mark=51).passed is False


def test_unanswered_questions_score_zero_and_an_empty_test_never_passes():
    assert score(QUESTIONS, {}, pass_mark=0).percent == 0
    assert score([], {}, pass_mark=0).passed is False


@pytest.mark.parametrize(
    "answers",
    [
        {"q1": ["zzz"]},  # choice not in the question
        {"q1": ["d"]},  # choice of another question
        {"q9": ["a"]},  # unknown question
        {"q1": ["a", "b"]},  # two answers to a single-answer question
    ],
)
def test_tampered_answers_are_refused(answers):
    with pytest.raises(TamperedAnswers):
        validate_answers(QUESTIONS, answers)


def test_valid_answers_are_normalised():
    assert validate_answers(QUESTIONS, {"q2": ["e", "d", "e"]}) == {"q2": ["d", "e"]}


def test_shuffle_is_stable_for_a_seed_and_differs_between_seeds():
    ids = [f"c{i}" for i in range(8)]
    first = shuffled_choices(ids, seed=42, question_id="q1")
    assert first == shuffled_choices(ids, seed=42, question_id="q1")
    assert sorted(first) == sorted(ids)
    orders = {tuple(shuffled_choices(ids, seed=seed, question_id="q1")) for seed in range(20)}
    assert len(orders) > 1


@pytest.mark.parametrize(
    ("statuses", "sessions", "expected"),
    [
        ([P, P, P, P], 4, 100),
        ([P, P, A, A], 4, 50),
        ([P, P, P, E], 4, 100),  # excused leaves the count
        ([P, P, E, A], 4, 66),
        ([P], 4, 25),  # sessions not marked count as not attended
        ([None, P], 2, 50),
        ([E, E], 2, 100),
        ([], 0, None),  # no sessions: nothing to attend
    ],
)
def test_attendance_percent(statuses, sessions, expected):
    assert attendance_percent(statuses, sessions=sessions) == expected


ALL_RULES = {"min_attendance_percent": 80, "require_lessons": True, "require_post_test": True}
MET = {
    "sessions": 5,
    "attendance_percent": 80,
    "required_lessons_total": 3,
    "required_lessons_done": 3,
    "post_test_exists": True,
    "post_test_passed": True,
}


def test_complete_when_every_rule_is_met():
    assert evaluate(CompletionFacts(**ALL_RULES, **MET)) == (True, [])


def test_attendance_rule():
    complete, missing = evaluate(CompletionFacts(**ALL_RULES, **{**MET, "attendance_percent": 79}))
    assert complete is False
    assert [str(m) for m in missing] == ["Attend at least 80% of the sessions (so far: 79%)."]


def test_lessons_rule_counts_what_is_left():
    facts = CompletionFacts(**ALL_RULES, **{**MET, "required_lessons_done": 1})
    assert [str(m) for m in evaluate(facts)[1]] == ["Finish 2 more required lessons."]
    facts = CompletionFacts(**ALL_RULES, **{**MET, "required_lessons_done": 2})
    assert [str(m) for m in evaluate(facts)[1]] == ["Finish 1 more required lesson."]


def test_post_test_rule():
    facts = CompletionFacts(**ALL_RULES, **{**MET, "post_test_passed": False})
    assert [str(m) for m in evaluate(facts)[1]] == ["Pass the post-test."]


def test_every_missing_rule_is_listed_together():
    facts = CompletionFacts(
        **ALL_RULES,
        sessions=5,
        attendance_percent=0,
        required_lessons_total=2,
        post_test_exists=True,
    )
    complete, missing = evaluate(facts)
    assert complete is False
    assert len(missing) == 3


def test_rules_switched_off_are_not_required():
    facts = CompletionFacts(sessions=5, attendance_percent=0, required_lessons_total=4)
    assert evaluate(facts) == (True, [])


def test_rules_with_nothing_to_satisfy_are_met():
    # No sessions, no required lessons, no post-test in the course.
    assert evaluate(CompletionFacts(**ALL_RULES)) == (True, [])


def test_missing_is_in_the_users_language():
    from django.utils import translation

    facts = CompletionFacts(**ALL_RULES, **{**MET, "post_test_passed": False})
    with translation.override("fr"):
        missing = evaluate(facts)[1]
        assert [str(m) for m in missing] == ["Réussissez le test final."]


# --- the exact edges (each of these failed a mutant of the rule that the tests above let live)

SINGLE = Question("q1", ("a", "b", "c"), frozenset({"a"}))
MULTIPLE = Question("q2", ("x", "y", "z"), frozenset({"x", "y"}), multiple=True)


def test_one_answer_to_a_single_answer_question_is_valid():
    assert validate_answers([SINGLE], {"q1": ["b"]}) == {"q1": ["b"]}


def test_every_choice_of_a_several_answers_question_may_be_chosen():
    assert validate_answers([MULTIPLE], {"q2": ["z", "y", "x"]}) == {"q2": ["x", "y", "z"]}


def test_a_test_without_questions_scores_zero_and_is_not_passed():
    result = score([], {}, pass_mark=0)
    assert (result.correct, result.total, result.percent, result.passed) == (0, 0, 0, False)


def test_a_one_question_test_answered_right_is_passed_and_says_which_was_right():
    result = score([SINGLE], {"q1": ["a"]}, pass_mark=100)
    assert (result.percent, result.passed) == (100, True)
    assert result.right == frozenset({"q1"})
    assert score([SINGLE, MULTIPLE], {"q2": ["y", "x"]}, pass_mark=50).right == {"q2"}


def test_a_run_of_one_session_attended_is_full_attendance():
    assert attendance_percent([P], sessions=1) == 100
    assert attendance_percent([A], sessions=1) == 0


def test_one_session_left_to_attend_after_an_excuse_counts_in_full():
    assert attendance_percent([E, None], sessions=2) == 0
    assert attendance_percent([E, P], sessions=2) == 100


def test_attendance_never_exceeds_one_hundred_percent():
    # Marks of sessions since removed may outnumber the run's sessions.
    assert attendance_percent([P, P, P], sessions=2) == 100


def test_no_mark_yet_is_zero_percent_attended():
    complete, missing = evaluate(
        CompletionFacts(min_attendance_percent=1, sessions=3, attendance_percent=None)
    )
    assert not complete
    assert [str(m) for m in missing] == ["Attend at least 1% of the sessions (so far: 0%)."]

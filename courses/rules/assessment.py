"""Assessment rules: choice order per attempt, scoring, and what a result page may show.
Pure functions over plain data."""

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from ..choices import ReviewPolicy
from ..exceptions import TamperedAnswers


@dataclass(frozen=True)
class Question:
    id: str
    choice_ids: tuple[str, ...]
    correct_ids: frozenset[str]
    multiple: bool = False


@dataclass(frozen=True)
class Score:
    correct: int
    total: int
    percent: int
    passed: bool
    right: frozenset[str] = field(default_factory=frozenset)  # ids of questions answered right


def shuffled_choices(choice_ids: Sequence[str], *, seed: int, question_id: str) -> list[str]:
    """The order in which an attempt shows a question's choices: stable for a given seed."""
    order = list(choice_ids)
    random.Random(f"{seed}:{question_id}").shuffle(order)
    return order


def validate_answers(questions: Sequence[Question], answers: Mapping[str, Sequence[str]]) -> dict:
    """Check submitted answers against the questions; return {question id: sorted choice ids}.

    Refuses answers to unknown questions, choice ids not in their question, and several answers
    to a single-answer question. Unanswered questions are allowed (they score zero).
    """
    by_id = {question.id: question for question in questions}
    clean = {}
    for question_id, chosen in answers.items():
        question = by_id.get(question_id)
        chosen = set(chosen)
        if question is None or not chosen <= set(question.choice_ids):
            raise TamperedAnswers()
        if len(chosen) > 1 and not question.multiple:
            raise TamperedAnswers()
        clean[question_id] = sorted(chosen)
    return clean


def score(
    questions: Sequence[Question], answers: Mapping[str, Sequence[str]], *, pass_mark: int
) -> Score:
    """A question is right when exactly its correct choices were chosen; the score is a percent."""
    right = frozenset(
        question.id
        for question in questions
        if set(answers.get(question.id, ())) == set(question.correct_ids)
    )
    total = len(questions)
    percent = round(100 * len(right) / total) if total else 0
    return Score(
        correct=len(right),
        total=total,
        percent=percent,
        passed=total > 0 and percent >= pass_mark,
        right=right,
    )


@dataclass(frozen=True)
class Review:
    """What a trainee may see on the result page of a submitted attempt."""

    right_or_wrong: bool  # whether each question was answered right
    correct_answers: bool  # which choices were correct, and the explanations


def review(policy: str, *, attempts_used: int, max_attempts: int, passed: bool) -> Review:
    """What the result page shows under `policy`.

    `attempts_used` counts every attempt started at this test (an open one included), `passed`
    whether any of them passed. While attempts remain and the test is not passed, no policy
    shows the correct answers: the next attempt would be a copy. An unknown policy shows the
    least (as `never`).
    """
    finished = passed or attempts_used >= max_attempts
    if policy == ReviewPolicy.RIGHT_WRONG_THEN_ANSWERS:
        correct = finished
    elif policy == ReviewPolicy.AFTER_PASSING:
        correct = passed
    else:
        correct = False
    return Review(right_or_wrong=True, correct_answers=correct)

"""Tests: start an attempt, answer it (choices in the attempt's own order), read the feedback."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from ..choices import AssessmentKind
from ..exceptions import CourseError
from ..models import AssessmentPage, Attempt
from ..rules.assessment import review, score, shuffled_choices
from ..services.learning import learning_enrollment, start_attempt, submit_attempt
from .learning import course_of, live_translation, may_read


def _questions(page: AssessmentPage, *, seed=None, with_answers=False):
    """Questions for display; choices in the attempt's order when a seed is given. Which
    choices are correct, and the explanations, only `with_answers` (the review rule decides)."""
    questions = []
    for block in page.questions:
        if block.block_type != "question":
            continue
        choices = {child.id: child.value for child in block.value["choices"].bound_blocks}
        order = list(choices)
        if seed is not None:
            order = shuffled_choices(order, seed=seed, question_id=block.id)
        shown = []
        for key in order:
            choice = {"id": key, "text": choices[key]["text"]}
            if with_answers:
                choice["correct"] = bool(choices[key]["correct"])
            shown.append(choice)
        questions.append(
            {
                "id": block.id,
                "text": block.value["text"],
                "multiple": block.value["multiple"],
                "explanation": block.value["explanation"] if with_answers else "",
                "choices": shown,
            }
        )
    return questions


def assessment_context(request, page: AssessmentPage) -> dict:
    """What the test page shows: the open attempt's questions, past attempts, or the outline."""
    course = course_of(page)
    enrollment = learning_enrollment(user=request.user, course=course)
    attempts = []
    if enrollment is not None:
        attempts = list(Attempt.objects.filter(enrollment=enrollment, kind=page.kind))
    open_attempt = next((a for a in attempts if not a.is_submitted), None)
    submitted = [a for a in attempts if a.is_submitted]
    passed = any(a.passed for a in submitted)
    return {
        "course": course,
        "enrollment": enrollment,
        "can_read": may_read(request.user, course, enrollment),
        "open_attempt": open_attempt,
        "questions": _questions(page, seed=open_attempt.seed if open_attempt else None),
        "submitted": submitted,
        "attempts_left": max(page.max_attempts - len(attempts), 0),
        "passed": passed,
        "may_start": enrollment is not None
        and open_attempt is None
        and len(attempts) < page.max_attempts
        and not (passed and page.kind == AssessmentKind.POST_TEST),
    }


@login_required
@require_POST
def attempt_start(request, assessment_key):
    page = live_translation(AssessmentPage, assessment_key)
    try:
        start_attempt(user=request.user, assessment=page)
    except CourseError as error:
        messages.error(request, error.message)
    return redirect(page.get_url(request=request))


@login_required
@require_POST
def attempt_submit(request, attempt_id):
    attempt = get_object_or_404(
        Attempt.objects.select_related("assessment"),
        public_id=attempt_id,
        enrollment__user=request.user,
    )
    answers = {
        key.removeprefix("q-"): request.POST.getlist(key)
        for key in request.POST
        if key.startswith("q-")
    }
    try:
        submit_attempt(user=request.user, attempt_id=attempt.public_id, answers=answers)
    except CourseError as error:
        messages.error(request, error.message)
        page = live_translation(AssessmentPage, attempt.assessment.translation_key)
        return redirect(page.get_url(request=request))
    return redirect("courses:attempt_result", attempt_id=attempt.public_id)


@login_required
def attempt_result(request, attempt_id):
    attempt = get_object_or_404(
        Attempt.objects.select_related("assessment", "enrollment"),
        public_id=attempt_id,
        enrollment__user=request.user,
    )
    page = live_translation(AssessmentPage, attempt.assessment.translation_key)
    if not attempt.is_submitted:
        return redirect(page.get_url(request=request))
    attempts = list(
        Attempt.objects.filter(enrollment=attempt.enrollment, kind=attempt.kind).values_list(
            "passed", flat=True
        )
    )
    rules = attempt.assessment
    shown = review(
        rules.review_policy,
        attempts_used=len(attempts),
        max_attempts=rules.max_attempts,
        passed=any(attempts),
    )
    right = score(page.question_data(), attempt.answers, pass_mark=page.pass_mark).right
    questions = _questions(page, seed=attempt.seed, with_answers=shown.correct_answers)
    for question in questions:
        chosen = set(attempt.answers.get(question["id"], []))
        question["right"] = question["id"] in right
        for choice in question["choices"]:
            choice["chosen"] = choice["id"] in chosen
    context = {
        "page": page,
        "attempt": attempt,
        "questions": questions,
        "review": shown,
        "policy": rules.review_policy,
        "course": course_of(page),
        "is_post_test": attempt.kind == AssessmentKind.POST_TEST,
    }
    return TemplateResponse(request, "courses/attempt_result.html", context)

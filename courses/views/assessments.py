"""Tests: start an attempt, answer it (choices in the attempt's own order), read the feedback.
(The test page builds its own context: AssessmentPage.get_context.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from ..choices import AssessmentKind
from ..exceptions import CourseError
from ..models import AssessmentPage, Attempt
from ..queries.learning import course_of
from ..rules.assessment import review, score
from ..services.learning import start_attempt, submit_attempt
from .learning import live_translation


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
    questions = page.displayed_questions(seed=attempt.seed, with_answers=shown.correct_answers)
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

"""URLs of lessons, tests, attendance and progress (included by courses/urls.py)."""

from django.urls import path

from .views import assessments, learning, progress, teaching

urlpatterns = [
    path("learn/lessons/<uuid:lesson_key>/done/", learning.lesson_done, name="lesson_done"),
    path(
        "learn/tests/<uuid:assessment_key>/start/",
        assessments.attempt_start,
        name="attempt_start",
    ),
    path(
        "learn/attempts/<uuid:attempt_id>/submit/",
        assessments.attempt_submit,
        name="attempt_submit",
    ),
    path("learn/attempts/<uuid:attempt_id>/", assessments.attempt_result, name="attempt_result"),
    path("my/runs/<uuid:enrollment_id>/", progress.run_progress, name="run_progress"),
    path("teach/", teaching.teaching_runs, name="teaching_runs"),
    path("teach/runs/<uuid:run_id>/", teaching.teaching_run, name="teaching_run"),
    path("teach/sessions/<uuid:session_id>/roll-call/", teaching.roll_call, name="roll_call"),
    path(
        "teach/enrollments/<uuid:enrollment_id>/completion/",
        teaching.override,
        name="override_completion",
    ),
]

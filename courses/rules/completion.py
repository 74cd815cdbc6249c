"""Completion of a run by its rules: a pure function over plain data."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


@dataclass(frozen=True)
class CompletionFacts:
    # the run's rules
    min_attendance_percent: int = 0
    require_lessons: bool = False
    require_post_test: bool = False
    # what the trainee did
    sessions: int = 0
    attendance_percent: int | None = None
    required_lessons_total: int = 0
    required_lessons_done: int = 0
    post_test_exists: bool = False
    post_test_passed: bool = False


def evaluate(facts: CompletionFacts) -> tuple[bool, list[str]]:
    """(complete, what is missing in the trainee's words).

    A rule with nothing to satisfy is met: attendance when the run has no sessions, lessons when
    the course has no required lesson, the post-test when the course has none.
    """
    missing = []
    if facts.min_attendance_percent and facts.sessions:
        attended = facts.attendance_percent or 0
        if attended < facts.min_attendance_percent:
            missing.append(
                _("Attend at least %(required)s%% of the sessions (so far: %(attended)s%%).")
                % {"required": facts.min_attendance_percent, "attended": attended}
            )
    if facts.require_lessons:
        left = facts.required_lessons_total - facts.required_lessons_done
        if left > 0:
            missing.append(
                ngettext_lazy(
                    "Finish %(count)s more required lesson.",
                    "Finish %(count)s more required lessons.",
                    "count",
                )
                % {"count": left}
            )
    if facts.require_post_test and facts.post_test_exists and not facts.post_test_passed:
        missing.append(_("Pass the post-test."))
    return (not missing, missing)

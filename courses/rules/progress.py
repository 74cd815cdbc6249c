"""Lesson progress and where to resume: pure functions over plain data."""

from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class LessonFact:
    key: Hashable  # the lesson's translation key: the same in every language
    required: bool = True


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    required_done: int
    required_total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def required_missing(self) -> int:
        return self.required_total - self.required_done


def lesson_progress(lessons: Sequence[LessonFact], done_keys: set) -> Progress:
    """Lessons done out of the course's lessons; keys done of removed lessons do not count."""
    done = [lesson for lesson in lessons if lesson.key in done_keys]
    required = [lesson for lesson in lessons if lesson.required]
    return Progress(
        done=len(done),
        total=len(lessons),
        required_done=sum(1 for lesson in done if lesson.required),
        required_total=len(required),
    )


def resume_key(lessons: Sequence[LessonFact], done_keys: set) -> Hashable | None:
    """The lesson to continue with: the first one, in course order, not yet done.

    None when every lesson is done (or there are none).
    """
    for lesson in lessons:
        if lesson.key not in done_keys:
            return lesson.key
    return None

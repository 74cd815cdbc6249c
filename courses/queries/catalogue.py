"""Catalogue listings: courses of one locale with their runs, fetched in a fixed number of queries.

Runs are attached to a course page in any language; they belong to every translation of that
course (same `translation_key`). The functions below fetch the courses, then all their runs in one
query, and group the runs in Python, so the number of queries does not grow with the catalogue.

The catalogue pages build their context from this module, so it imports the models it reads
from their own modules (runs, topics), never the pages' module.
"""

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from training_site.core.caching.content import cached

from ..choices import RunStatus
from ..models.runs import CourseRun, open_for_enrollment_q
from ..models.topics import Topic


@dataclass
class CourseCard:
    """A course as the catalogue shows it."""

    course: object  # a CoursePage
    topic: Topic | None
    upcoming_runs: list = field(default_factory=list)

    @property
    def next_run(self):
        for run in self.upcoming_runs:
            if not run.is_cancelled:
                return run
        return None

    @property
    def languages(self) -> list[str]:
        seen = []
        for run in self.upcoming_runs:
            if not run.is_cancelled and run.language not in seen:
                seen.append(run.language)
        return seen

    @property
    def language_labels(self) -> list[str]:
        labels = dict(CourseRun._meta.get_field("language").choices)
        return [str(labels[code]) for code in self.languages]


def topics_for(locale_id: int) -> list[Topic]:
    """Topics in the locale, falling back to the source version of any topic not translated yet.
    Cached until a topic changes."""
    return cached(("topics", locale_id), lambda: _topics_for(locale_id))


def all_topics_by_id() -> dict[int, Topic]:
    return cached(("topics_by_id",), lambda: {t.pk: t for t in Topic.objects.all()})


def _topics_for(locale_id: int) -> list[Topic]:
    topics = {}
    for topic in Topic.objects.order_by("name"):
        if topic.locale_id == locale_id or topic.translation_key not in topics:
            topics[topic.translation_key] = topic
    return sorted(topics.values(), key=lambda topic: topic.name)


def localised_topic(topic: Topic | None, topics_by_key: dict) -> Topic | None:
    if topic is None:
        return None
    return topics_by_key.get(topic.translation_key, topic)


def runs_for_courses(translation_keys, *, upcoming=True, today=None) -> QuerySet:
    """Runs of the given courses (any translation), with seats taken, ordered by start date."""
    runs = (
        CourseRun.objects.filter(course__translation_key__in=list(translation_keys))
        .annotate(course_key=F("course__translation_key"))
        .with_seats_taken()
    )
    if upcoming is None:  # both, in date order
        return runs.order_by("start_date", "pk")
    runs = runs.upcoming(today) if upcoming else runs.past(today)
    return runs.order_by("start_date", "pk") if upcoming else runs.order_by("-start_date", "-pk")


def _month_bounds(first: dt.date) -> tuple[dt.date, dt.date]:
    last_day = calendar.monthrange(first.year, first.month)[1]
    return first, first.replace(day=last_day)


def matching_run_filter(filters: dict, *, today=None, now=None) -> Q | None:
    """Conditions on one upcoming, not cancelled run that the run filters ask for together."""
    conditions = []
    if language := filters.get("language"):
        conditions.append(Q(language=language))
    if month := filters.get("month"):
        start, end = _month_bounds(month)
        conditions.append(Q(start_date__lte=end, end_date__gte=start))
    if filters.get("open_now"):
        conditions.append(open_for_enrollment_q(now))
    if not conditions:
        return None
    today = today or timezone.localdate()
    combined = Q(end_date__gte=today) & ~Q(status=RunStatus.CANCELLED)
    for condition in conditions:
        combined &= condition
    return combined


def course_cards(courses, topics: list[Topic], *, today=None) -> list[CourseCard]:
    """Cards for the courses: localised topic and upcoming runs, in two queries."""
    courses = list(courses)
    topics_by_key = {topic.translation_key: topic for topic in topics}
    runs_by_key = defaultdict(list)
    for run in runs_for_courses({c.translation_key for c in courses}, today=today):
        runs_by_key[run.course_key].append(run)
    return [
        CourseCard(
            course=course,
            topic=localised_topic(course.topic, topics_by_key),
            upcoming_runs=runs_by_key[course.translation_key],
        )
        for course in courses
    ]

"""Catalogue listings: courses of one locale with their runs, fetched in a fixed number of queries.

Runs are attached to a course page in any language; they belong to every translation of that
course (same `translation_key`). The functions below fetch the courses, then all their runs in one
query, and group the runs in Python, so the number of queries does not grow with the catalogue.
"""

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from wagtail.models import Locale

from training_site.core.caching.content import cached

from ..choices import RunStatus
from ..models import CoursePage, CourseRun, Topic


@dataclass
class CourseCard:
    """A course as the catalogue shows it."""

    course: CoursePage
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
        now = now or timezone.now()
        conditions.append(
            Q(status=RunStatus.SCHEDULED, enrollment_opens__lte=now, enrollment_closes__gte=now)
        )
    if not conditions:
        return None
    today = today or timezone.localdate()
    combined = Q(end_date__gte=today) & ~Q(status=RunStatus.CANCELLED)
    for condition in conditions:
        combined &= condition
    return combined


def search_course_ids(query: str, locale_id: int) -> list[int]:
    """Ids of live courses in the locale matching the words of `query` (Wagtail search)."""
    results = (
        CoursePage.objects.live()
        .filter(locale_id=locale_id)
        .search(query, operator="and", order_by_relevance=False)
    )
    return [page.pk for page in results]


def catalogue_courses(index_page, filters: dict, *, today=None, now=None) -> QuerySet:
    """Live courses under `index_page` matching the filters, with their topic."""
    courses = (
        CoursePage.objects.live().child_of(index_page).select_related("topic").order_by("title")
    )
    if topic := filters.get("topic"):
        courses = courses.filter(topic__slug=topic)
    if mode := filters.get("mode"):
        courses = courses.filter(delivery_mode=mode)
    run_filter = matching_run_filter(filters, today=today, now=now)
    if run_filter is not None:
        keys = CourseRun.objects.filter(run_filter).values("course__translation_key")
        courses = courses.filter(translation_key__in=keys)
    if query := filters.get("q"):
        courses = courses.filter(pk__in=search_course_ids(query, index_page.locale_id))
    return courses


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


def localised_course(course: CoursePage, locale: Locale | None = None) -> CoursePage:
    """The translation of `course` in the active locale if it is live, else the course itself."""
    locale = locale or Locale.get_active()
    if course.locale_id == locale.pk:
        return course
    translation = (
        CoursePage.objects.live()
        .filter(translation_key=course.translation_key, locale=locale)
        .first()
    )
    return translation or course


def localised_courses_for_runs(runs, locale: Locale) -> dict:
    """Map each run's course translation_key to the course page in `locale` (or the run's own)."""
    keys = {run.course.translation_key for run in runs}
    pages = CoursePage.objects.live().filter(translation_key__in=keys, locale=locale)
    by_key = {page.translation_key: page for page in pages}
    return {run.pk: by_key.get(run.course.translation_key, run.course) for run in runs}

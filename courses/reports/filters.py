"""Report filters as plain data, applied to an enrollment queryset before grouping.

Dates are the run's start date: a run and its enrollments belong to the year and the period in
which the run starts.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

MIN_YEAR = 2000
MAX_YEAR = 2100


@dataclass(frozen=True)
class ReportFilters:
    year: int | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    topic_key: str | None = None  # Topic.translation_key
    course_key: str | None = None  # CoursePage.translation_key
    country: str | None = None
    organisation_type: str | None = None

    @property
    def is_inverted(self) -> bool:
        return bool(self.date_from and self.date_to and self.date_from > self.date_to)


def apply_filters(enrollments: QuerySet, filters: ReportFilters) -> QuerySet:
    if filters.is_inverted:
        return enrollments.none()
    lookups = {}
    if filters.year is not None:
        lookups["run__start_date__year"] = filters.year
    if filters.date_from:
        lookups["run__start_date__gte"] = filters.date_from
    if filters.date_to:
        lookups["run__start_date__lte"] = filters.date_to
    if filters.topic_key:
        lookups["run__course__topic__translation_key"] = filters.topic_key
    if filters.course_key:
        lookups["run__course__translation_key"] = filters.course_key
    if filters.country:
        lookups["user__trainee_profile__country"] = filters.country
    if filters.organisation_type:
        lookups["user__trainee_profile__organisation_type"] = filters.organisation_type
    return enrollments.filter(**lookups)

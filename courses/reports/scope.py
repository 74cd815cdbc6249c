"""Whose enrollments a viewer may count: staff all, instructors their runs, focal points a country."""

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from training_site.core.roles import is_centre_staff

from ..models import Enrollment
from ..services.instructors import taught_course_keys, teaches


@dataclass(frozen=True)
class ReportScope:
    """A restriction of the enrollments a report counts. Build it with the class methods."""

    condition: Q
    kind: str

    @classmethod
    def everything(cls) -> "ReportScope":
        return cls(Q(), "all")

    @classmethod
    def for_instructor(cls, user) -> "ReportScope":
        """Runs of courses `user` is assigned to teach (any translation of the page)."""
        return cls(Q(run__course__translation_key__in=taught_course_keys(user)), "instructor")

    @classmethod
    def for_country(cls, country: str) -> "ReportScope":
        """Trainees of one country (a focal point's view)."""
        return cls(Q(user__trainee_profile__country=str(country)), "country")

    @property
    def hides_small_counts(self) -> bool:
        """Everyone but centre staff sees figures about people under the small-count rule."""
        return self.kind != "all"

    def enrollments(self) -> QuerySet:
        return Enrollment.objects.filter(self.condition)

    def apply(self, enrollments: QuerySet) -> QuerySet:
        return enrollments.filter(self.condition)


def scope_for_user(user) -> ReportScope | None:
    """The reports `user` may see, or None when they may see none."""
    if not user.is_authenticated:
        return None
    if is_centre_staff(user):
        return ReportScope.everything()
    if teaches(user):
        return ReportScope.for_instructor(user)
    from ..models import FocalPoint

    country = FocalPoint.objects.filter(user=user).values_list("country", flat=True).first()
    if country:
        return ReportScope.for_country(country)
    return None


def scope_for_request(request) -> ReportScope | None:
    """`scope_for_user` once per request (menu items and panels ask several times)."""
    if not hasattr(request, "_report_scope"):
        request._report_scope = scope_for_user(request.user)
    return request._report_scope

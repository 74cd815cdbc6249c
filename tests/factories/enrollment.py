"""Trainees and their enrollments."""

from django.utils import timezone

import factory

from courses import choices
from courses.models import Enrollment, TraineeProfile

from .accounts import UserFactory
from .catalogue import CourseRunFactory


class TraineeProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TraineeProfile

    user = factory.SubFactory(UserFactory)
    name_latin = factory.LazyAttribute(lambda o: f"{o.user.first_name} {o.user.last_name}")
    name_arabic = "عمر فاروق"
    country = "JO"
    organisation = "Public Security Directorate"
    organisation_type = choices.OrganisationType.POLICE
    job_title = "Investigator"
    preferred_language = "en"
    consent_at = factory.LazyFunction(timezone.now)


class TraineeFactory(UserFactory):
    """A user with a complete trainee profile."""

    profile = factory.RelatedFactory(TraineeProfileFactory, factory_related_name="user")


class EnrollmentFactory(factory.django.DjangoModelFactory):
    """A trainee with a place (enrolled) on a run.

    Traits name the other states as a status history would leave them: `pending`,
    `waitlisted` (with the time they joined the list), `withdrawn`, `not_completed`, and
    `completed` (completed now, on a run that names a certificate template)."""

    class Meta:
        model = Enrollment

    class Params:
        pending = factory.Trait(status=choices.EnrollmentStatus.PENDING)
        waitlisted = factory.Trait(
            status=choices.EnrollmentStatus.WAITLISTED,
            waitlisted_at=factory.LazyFunction(timezone.now),
        )
        withdrawn = factory.Trait(status=choices.EnrollmentStatus.WITHDRAWN)
        not_completed = factory.Trait(
            status=choices.EnrollmentStatus.NOT_COMPLETED,
            completed_at=factory.LazyFunction(timezone.now),
        )
        completed = factory.Trait(
            status=choices.EnrollmentStatus.COMPLETED,
            completed_at=factory.LazyFunction(timezone.now),
            run=factory.SubFactory(CourseRunFactory, certifiable=True),
        )

    user = factory.SubFactory(TraineeFactory)
    run = factory.SubFactory(CourseRunFactory)
    status = choices.EnrollmentStatus.ENROLLED


class CompletedEnrollmentFactory(EnrollmentFactory):
    """A completed enrollment on a run that names a certificate template."""

    completed = True

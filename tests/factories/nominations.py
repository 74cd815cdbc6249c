"""Focal points, nominations and invitation letters."""

from django.utils import timezone

import factory

from courses import choices
from courses.models import FocalPoint, InvitationLetter, Nomination

from .accounts import UserFactory
from .catalogue import CourseRunFactory
from .enrollment import EnrollmentFactory


class FocalPointFactory(factory.django.DjangoModelFactory):
    """The record alone; a focal point with the role's group comes from `appoint_focal_point`
    (the `focal_point` fixture)."""

    class Meta:
        model = FocalPoint

    user = factory.SubFactory(UserFactory)
    country = "JO"


class NominationFactory(factory.django.DjangoModelFactory):
    """A focal point's nomination, sent and not answered. `accepted=True`: the nominee took the
    place (an enrollment exists); `declined=True`: they said no."""

    class Meta:
        model = Nomination

    class Params:
        accepted = factory.Trait(
            status=choices.NominationStatus.ACCEPTED,
            answered_at=factory.LazyFunction(timezone.now),
            enrollment=factory.SubFactory(EnrollmentFactory, run=factory.SelfAttribute("..run")),
        )
        declined = factory.Trait(
            status=choices.NominationStatus.DECLINED,
            answered_at=factory.LazyFunction(timezone.now),
        )

    run = factory.SubFactory(CourseRunFactory, invitation=True)
    nominated_by = factory.SubFactory(UserFactory)
    country = "JO"
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"nominee{n}@example.org")
    organisation = "Ministry of Labour"
    job_title = "Labour inspector"
    language = "en"


class InvitationLetterFactory(factory.django.DjangoModelFactory):
    """An invitation letter stating the run's dates."""

    class Meta:
        model = InvitationLetter

    enrollment = factory.SubFactory(EnrollmentFactory)
    name_latin = factory.LazyAttribute(lambda o: o.enrollment.user.get_full_name())
    start_date = factory.LazyAttribute(lambda o: o.enrollment.run.start_date)
    end_date = factory.LazyAttribute(lambda o: o.enrollment.run.end_date)

"""Study visits: delegations' requests, staff notes, the visits pages."""

import datetime as dt

from django.utils import timezone

import factory
import wagtail_factories

from training_site.models import VisitRequestStatus

from .accounts import StaffFactory


class VisitRequestFactory(factory.django.DjangoModelFactory):
    """A delegation's request as the public form leaves it (new). `confirmed=True`: staff
    confirmed the visit."""

    class Meta:
        model = "training_site.VisitRequest"

    class Params:
        confirmed = factory.Trait(status=VisitRequestStatus.CONFIRMED)

    country = "JO"
    institutions = "Ministry of Labour"
    contact_name = "Rania Khalil"
    contact_email = factory.Sequence(lambda n: f"delegation{n}@example.org")
    delegation_size = 8
    preferred_start = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=40))
    preferred_end = factory.LazyAttribute(lambda o: o.preferred_start + dt.timedelta(days=3))
    languages = factory.LazyFunction(lambda: ["en"])
    message = "We would like to learn about the referral mechanism."
    language = "en"


class VisitRequestNoteFactory(factory.django.DjangoModelFactory):
    """A staff note on a request (notes are internal: the delegation never sees them)."""

    class Meta:
        model = "training_site.VisitRequestNote"

    request = factory.SubFactory(VisitRequestFactory)
    author = factory.SubFactory(StaffFactory)
    text = "Called the ministry: dates confirmed by phone."


class StudyVisitIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "training_site.StudyVisitIndexPage"

    title = "Study visits"
    slug = "study-visits"
    show_in_menus = True


class StudyVisitStoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "training_site.StudyVisitStoryPage"

    title = factory.Sequence(lambda n: f"Visit story {n}")
    slug = factory.Sequence(lambda n: f"visit-story-{n}")
    visit_date = dt.date(2025, 10, 12)
    summary = "A delegation studied the referral mechanism."


class VisitProgrammePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "training_site.VisitProgrammePage"

    title = "Visit programme"
    slug = factory.Sequence(lambda n: f"visit-programme-{n}")
    delegation = "National Committee"

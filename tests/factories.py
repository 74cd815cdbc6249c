"""Factories for every model the tests build. One file, grouped by app."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Locale

import factory
import wagtail_factories
from allauth.account.models import EmailAddress

from courses import choices
from courses.models import (
    CourseIndexPage,
    CoursePage,
    CourseRun,
    Enrollment,
    Session,
    Topic,
    TraineeProfile,
)

DEFAULT_PASSWORD = "correct-Horse-battery-9"

# --- accounts -------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class StaffFactory(UserFactory):
    """Centre staff: in the staff group, with Wagtail admin access."""

    is_staff = True

    @factory.post_generation
    def staff_group(obj, create, extracted, **kwargs):
        if create:
            from training_site.roles import ensure_groups

            obj.groups.add(ensure_groups()["staff"])


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


# --- wagtail ----------------------------------------------------------------------------------


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


# --- courses: catalogue ---------------------------------------------------------------------


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(lambda: locale("ar"))


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CourseIndexPage

    title = "Programmes"
    slug = "programmes"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    slug = factory.Sequence(lambda n: f"course-{n}")
    summary = "A course for officials who combat trafficking in persons."
    hours = 24
    topic = factory.SubFactory(TopicFactory)


class CourseRunFactory(factory.django.DjangoModelFactory):
    """An upcoming run, open for enrollment now, with the open policy."""

    class Meta:
        model = CourseRun

    course = factory.SubFactory(CoursePageFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + dt.timedelta(days=4))
    enrollment_opens = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=10))
    enrollment_closes = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=20))
    capacity = 20
    admission_policy = choices.AdmissionPolicy.OPEN
    venue = "Training Centre, Hall A"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    run = factory.SubFactory(CourseRunFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyAttribute(
        lambda o: timezone.make_aware(dt.datetime.combine(o.run.start_date, dt.time(9, 0)))
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=3))


# --- courses: enrollment --------------------------------------------------------------------


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
    class Meta:
        model = Enrollment

    user = factory.SubFactory(TraineeFactory)
    run = factory.SubFactory(CourseRunFactory)
    status = choices.EnrollmentStatus.ENROLLED


# --- courses: catalogue (issue 3) -------------------------------------------------------------


def translate_page(page, code: str, **fields):
    """Publish a Wagtail translation of `page` in `code` with the given field values."""
    translated = page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific


def translate_topic(topic, code: str, name: str):
    translated = topic.copy_for_translation(locale(code))
    translated.name = name
    translated.save()
    return translated

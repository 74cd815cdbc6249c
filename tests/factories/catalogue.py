"""The catalogue: topics, course pages, runs and sessions, instructors, the impact page."""

import datetime as dt

from django.utils import timezone

import factory
import wagtail_factories

from courses import choices
from courses.models import (
    CourseIndexPage,
    CourseInstructor,
    CoursePage,
    CourseRun,
    ImpactPage,
    InstructorAssignment,
    Session,
    Topic,
)
from courses.services.instructors import assign_instructor, grant_instructor_role

from .accounts import UserFactory
from .site import locale


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(lambda: locale("ar"))


def translate_topic(topic, code: str, name: str):
    translated = topic.copy_for_translation(locale(code))
    translated.name = name
    translated.save()
    return translated


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


class CourseInstructorFactory(factory.django.DjangoModelFactory):
    """An instructor as the course page presents them (`page` is required). Page content only:
    it gives no rights; see `InstructorAssignmentFactory` for that."""

    class Meta:
        model = CourseInstructor

    name = factory.Faker("name")
    role = "Trainer"
    bio = "Prosecutor with ten years of trafficking cases."


class InstructorAssignmentFactory(factory.django.DjangoModelFactory):
    """Staff's decision that `user` teaches `course` (required), made as staff make it: through
    the role and assignment services (here as the platform, `assigned_by=None`), so the course
    group and its rights exist as they would."""

    class Meta:
        model = InstructorAssignment

    user = factory.SubFactory(UserFactory)
    assigned_by = None

    @classmethod
    def _create(cls, model_class, *, course, user, assigned_by=None, **kwargs):
        grant_instructor_role(user=user, by=assigned_by)
        return assign_instructor(course=course, user=user, by=assigned_by)


def make_instructor(course, user=None):
    """Give `user` (a new account by default) the instructor role and assign them to `course`,
    as staff do through the services (here as the platform, `by=None`). Returns the user."""
    return InstructorAssignmentFactory(course=course, **({"user": user} if user else {})).user


class CourseRunFactory(factory.django.DjangoModelFactory):
    """An upcoming run, open for enrollment now, with the open policy.

    Traits: `running=True`, a run that began two days ago (its sessions' roll calls are open),
    enrollment closed before; `closed=True`, upcoming but enrollment closed yesterday;
    `invitation=True` / `approval=True`, the other admission policies; `certifiable=True`, it
    names a certificate template."""

    class Meta:
        model = CourseRun

    class Params:
        running = factory.Trait(
            start_date=factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=2)),
            enrollment_opens=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30)),
            enrollment_closes=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=3)),
        )
        closed = factory.Trait(
            enrollment_closes=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1)),
        )
        invitation = factory.Trait(admission_policy=choices.AdmissionPolicy.INVITATION)
        approval = factory.Trait(admission_policy=choices.AdmissionPolicy.APPROVAL)
        certifiable = factory.Trait(
            certificate_template=factory.SubFactory(
                "tests.factories.certificates.CertificateTemplateFactory"
            )
        )

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


class ImpactPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ImpactPage

    title = "أثرنا"
    slug = "impact"
    show_in_menus = True

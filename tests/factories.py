"""Factories for every model the tests build. One file, grouped by app."""

import datetime as dt
import json

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories
from allauth.account.models import EmailAddress

from courses import choices
from courses.models import (
    AssessmentPage,
    CourseIndexPage,
    CoursePage,
    CourseRun,
    Enrollment,
    ImpactPage,
    LessonPage,
    Session,
    Topic,
    TraineeProfile,
)
from courses.services.instructors import assign_instructor, grant_instructor_role
from training_site.models import CentreSettings, HomePage

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
            from training_site.core.roles import ensure_groups

            obj.groups.add(ensure_groups()["staff"])


def make_instructor(course, user=None):
    """Give `user` (a new account by default) the instructor role and assign them to `course`,
    as staff do through the services (here as the platform, `by=None`). Returns the user."""
    user = user or UserFactory()
    grant_instructor_role(user=user, by=None)
    assign_instructor(course=course, user=user, by=None)
    return user


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


# --- wagtail ----------------------------------------------------------------------------------


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def home_pages(locales: dict[str, Locale]) -> dict:
    """The centre's home page in Arabic, English and French, as the site root."""
    root = Page.get_first_root_node()
    if root is None:  # transactional tests flush the tree that migrations created
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["ar"]))
    for child in root.get_children():
        child.delete()
    home_ar = HomePage(title="الرئيسية", slug="home", locale=locales["ar"], hero_title="مرحبا")
    root.add_child(instance=home_ar)
    home_ar.save_revision().publish()
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home_ar, is_default_site=True
    )
    CentreSettings.for_site(site)  # as `seed_demo` does: pages never create it on first view
    homes = {"ar": home_ar}
    for code, title in (("en", "Home"), ("fr", "Accueil")):
        page = home_ar.copy_for_translation(locales[code])
        page.title = title
        page.hero_title = title
        page.save_revision().publish()
        homes[code] = page.specific
    return homes


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
    """An upcoming run, open for enrollment now, with the open policy. `running=True`: a run
    that began two days ago (its sessions' roll calls are open), enrollment closed before."""

    class Meta:
        model = CourseRun

    class Params:
        running = factory.Trait(
            start_date=factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=2)),
            enrollment_opens=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=30)),
            enrollment_closes=factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=3)),
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


# --- courses: nominations ---------------------------------------------------------------------


class FocalPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.FocalPoint"

    user = factory.SubFactory(UserFactory)
    country = "JO"


class NominationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Nomination"

    run = factory.SubFactory(CourseRunFactory, admission_policy=choices.AdmissionPolicy.INVITATION)
    nominated_by = factory.SubFactory(UserFactory)
    country = "JO"
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"nominee{n}@example.org")
    organisation = "Ministry of Labour"
    job_title = "Labour inspector"
    language = "en"


# --- training_site: study visits ------------------------------------------------------------


class VisitRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "training_site.VisitRequest"

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


# --- certificates ------------------------------------------------------------------------------


class CertificateTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "certificates.CertificateTemplate"

    name = factory.Sequence(lambda n: f"Template {n}")
    printed_languages = "ar-en"
    body_ar = "أتمّ بنجاح الدورة التدريبية «{course}» في {venue} من {dates}، بواقع {hours} ساعة."
    body_en = "has completed the course “{course}” held at {venue} from {dates} ({hours} hours)."
    body_fr = "a suivi la formation « {course} » à {venue} du {dates} ({hours} heures)."


class CompletedEnrollmentFactory(EnrollmentFactory):
    """A completed enrollment on a run that names a certificate template."""

    run = factory.SubFactory(
        CourseRunFactory, certificate_template=factory.SubFactory(CertificateTemplateFactory)
    )
    status = choices.EnrollmentStatus.COMPLETED
    completed_at = factory.LazyFunction(timezone.now)


# --- courses: reports -----------------------------------------------------------------------


class ImpactPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ImpactPage

    title = "أثرنا"
    slug = "impact"
    show_in_menus = True


# --- courses: learning (lessons, tests, attendance) -------------------------------------------


def question_data(
    qid: str, text: str, choices: list[tuple[str, str, bool]], *, multiple=False, explanation=""
) -> dict:
    """Raw StreamField data for one question; choices are (id, text, correct)."""
    return {
        "type": "question",
        "id": qid,
        "value": {
            "text": text,
            "multiple": multiple,
            "explanation": explanation,
            "choices": [
                {"type": "item", "id": cid, "value": {"text": ctext, "correct": correct}}
                for cid, ctext, correct in choices
            ],
        },
    }


SAMPLE_QUESTIONS = [
    question_data(
        "q-single",
        "Which is an element of trafficking in persons?",
        [("a1", "The act", True), ("a2", "The weather", False), ("a3", "The colour", False)],
        explanation="Act, means and purpose.",
    ),
    question_data(
        "q-multi",
        "Which are forms of exploitation?",
        [
            ("b1", "Forced labour", True),
            ("b2", "Sexual exploitation", True),
            ("b3", "Tourism", False),
        ],
        multiple=True,
    ),
]


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = LessonPage

    title = factory.Sequence(lambda n: f"Lesson {n}")
    slug = factory.Sequence(lambda n: f"lesson-{n}")
    intro = "What this lesson covers."
    body = json.dumps(
        [{"type": "paragraph", "value": "<p>Secret lesson body text.</p>", "id": "p1"}]
    )
    duration_minutes = 20
    required = True


class AssessmentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = AssessmentPage

    title = factory.Sequence(lambda n: f"Test {n}")
    slug = factory.Sequence(lambda n: f"test-{n}")
    kind = choices.AssessmentKind.POST_TEST
    pass_mark = 70
    max_attempts = 2
    questions = json.dumps(SAMPLE_QUESTIONS)


# --- courses: catalogue (issue 3) -------------------------------------------------------------


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document (lesson handout) in the root collection unless given one."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Handout {n}")
    file = factory.django.FileField(filename="handout.pdf", data=b"%PDF-1.4\n% handout\n%%EOF\n")


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

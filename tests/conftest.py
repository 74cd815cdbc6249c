import pytest

from tests import factories
from tests.helpers import visit_day


@pytest.fixture
def locales(db):
    return {code: factories.locale(code) for code in ("ar", "en", "fr")}


@pytest.fixture
def home_pages(locales):
    """The centre's home page in Arabic, English and French, as the site root."""
    return factories.home_pages(locales)


@pytest.fixture
def user(db):
    return factories.UserFactory()


@pytest.fixture
def staff_user(db):
    return factories.StaffFactory()


@pytest.fixture
def mfa_staff_user(staff_user):
    """Staff with TOTP enabled, as production requires for the admin."""
    factories.TOTPAuthenticatorFactory(user=staff_user)
    return staff_user


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit counters and cached pages live in the cache: start every test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def course_index(home_pages):
    """The programme catalogue under the Arabic home page (slug `programmes`)."""
    return factories.CourseIndexPageFactory(parent=home_pages["ar"], title="البرامج")


@pytest.fixture
def course(course_index):
    return factories.CoursePageFactory(parent=course_index)


@pytest.fixture
def run(course):
    return factories.CourseRunFactory(course=course)


@pytest.fixture
def trainee(db):
    return factories.TraineeFactory()


# --- nominations --------------------------------------------------------------------------------


@pytest.fixture
def focal_point(db):
    """A focal point for Jordan, with the role's group."""
    from courses.services.nominations import appoint_focal_point

    return appoint_focal_point(user=factories.UserFactory(), country="JO", by=None)


@pytest.fixture
def invitation_run(course):
    from courses.choices import AdmissionPolicy

    return factories.CourseRunFactory(course=course, admission_policy=AdmissionPolicy.INVITATION)


# --- training_site: study visits ------------------------------------------------------------


@pytest.fixture
def visit_index(home_pages):
    """The study visits page under the Arabic home page, translated to English and French."""
    index = factories.StudyVisitIndexPageFactory(parent=home_pages["ar"], title="الزيارات الدراسية")
    for code, title in (("en", "Study visits"), ("fr", "Visites d'étude")):
        page = index.copy_for_translation(home_pages[code].locale)
        page.title = title
        page.save_revision().publish()
    return index


@pytest.fixture
def confirmed_visit(db):
    from training_site.models import VisitRequestStatus

    return factories.VisitRequestFactory(status=VisitRequestStatus.CONFIRMED)


@pytest.fixture
def programme(visit_index, confirmed_visit):
    """A published programme page (English translation of an Arabic source) for the visit."""
    import datetime as dt

    start = confirmed_visit.preferred_start
    page = factories.VisitProgrammePageFactory(
        parent=visit_index,
        title="برنامج الزيارة",
        visit_request=confirmed_visit,
        days=[
            visit_day(
                date=start,
                items=[
                    {
                        "kind": "field_visit",
                        "start_time": dt.time(9, 30),
                        "end_time": dt.time(12, 0),
                        "title": "زيارة مركز الإيواء",
                        "place": "مركز الحماية",
                        "host": "وزارة التنمية الاجتماعية",
                        "description": "",
                    }
                ],
            )
        ],
    )
    page.save_revision().publish()
    return page


# --- certificates ------------------------------------------------------------------------------


@pytest.fixture
def fake_certificate_pdf(monkeypatch):
    """Skip WeasyPrint where only the workflow matters: a small, unique PDF per certificate."""

    def render(certificate, **kwargs):
        return b"%PDF-1.7\n% " + certificate.code.encode() + b"\n%%EOF\n"

    monkeypatch.setattr("certificates.services.issuance.render_certificate_pdf", render)
    return render


@pytest.fixture
def private_storage(tmp_path, settings):
    """Certificates' private files in a temporary directory."""
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    return tmp_path / "private"


@pytest.fixture
def completed_enrollment(course, private_storage):
    """A completed enrollment on a run of `course` that names a certificate template."""

    run = factories.CourseRunFactory(course=course, certifiable=True)
    return factories.EnrollmentFactory(run=run, completed=True)


# --- reports ----------------------------------------------------------------------------------


@pytest.fixture
def report_data(course_index, locales):
    """A small, hand-countable history: two topics, two courses (one translated), three runs.

    Runs: r2025 (course c1, Arabic page, 2025), r2026 (c1's English page, 2026), r2026b (c2,
    2026). Trainees: jo_f (JO police female), jo_m (JO prosecution male), eg_m (EG police male),
    ma_f (MA NGO female), eg_x (EG police, sex not stated). The expected figures are in the tests.
    """
    import datetime as dt

    from courses.choices import EnrollmentStatus as S
    from courses.choices import OrganisationType as O

    t1 = factories.TopicFactory(name="تحديد الضحايا", slug="victims")
    t1_en = t1.copy_for_translation(locales["en"])
    t1_en.name = "Victim identification"
    t1_en.save()
    t2 = factories.TopicFactory(name="الملاحقة القضائية", slug="prosecution")
    c1 = factories.CoursePageFactory(parent=course_index, title="تحديد الضحايا", topic=t1, hours=24)
    c1_en = c1.copy_for_translation(locales["en"], copy_parents=True)
    c1_en.title = "Identifying victims"
    c1_en.save_revision().publish()
    c2 = factories.CoursePageFactory(parent=course_index, title="الملاحقة", topic=t2, hours=10)
    runs = {
        "r2025": factories.CourseRunFactory(
            course=c1, start_date=dt.date(2025, 3, 10), end_date=dt.date(2025, 3, 14)
        ),
        "r2026": factories.CourseRunFactory(
            course=c1_en, start_date=dt.date(2026, 2, 1), end_date=dt.date(2026, 2, 5)
        ),
        "r2026b": factories.CourseRunFactory(
            course=c2, start_date=dt.date(2026, 5, 5), end_date=dt.date(2026, 5, 7)
        ),
    }
    people = {}
    for key, country, org, sex in (
        ("jo_f", "JO", O.POLICE, "female"),
        ("jo_m", "JO", O.PROSECUTION, "male"),
        ("eg_m", "EG", O.POLICE, "male"),
        ("ma_f", "MA", O.NGO, "female"),
        ("eg_x", "EG", O.POLICE, ""),
    ):
        user = factories.UserFactory(username=key)
        factories.TraineeProfileFactory(user=user, country=country, organisation_type=org, sex=sex)
        people[key] = user
    for run_key, person, status in (
        ("r2025", "jo_f", S.COMPLETED),
        ("r2025", "jo_m", S.COMPLETED),
        ("r2025", "eg_m", S.NOT_COMPLETED),
        ("r2025", "ma_f", S.WITHDRAWN),
        ("r2026", "jo_f", S.COMPLETED),
        ("r2026", "eg_m", S.ENROLLED),
        ("r2026", "eg_x", S.PENDING),
        ("r2026b", "jo_m", S.COMPLETED),
        ("r2026b", "ma_f", S.NOT_COMPLETED),
        ("r2026b", "eg_x", S.COMPLETED),
    ):
        factories.EnrollmentFactory(run=runs[run_key], user=people[person], status=status)
    return {
        "topics": (t1, t2),
        "courses": {"c1": c1, "c1_en": c1_en, "c2": c2},
        "runs": runs,
        "people": people,
    }


# --- roles ---------------------------------------------------------------------------------------


@pytest.fixture
def role_holders_without_a_record(db):
    """A check: the members of a role group whose role has no recorded grant (RoleGrant for
    staff and instructors, FocalPoint for focal points), as "e-mail: role" lines."""
    from courses.models import FocalPoint
    from training_site.core.roles import ensure_groups
    from training_site.models import Role, RoleGrant

    def check() -> list[str]:
        missing = []
        groups = ensure_groups()
        for key, role in (("staff", Role.STAFF), ("instructors", Role.INSTRUCTOR)):
            for user in groups[key].user_set.order_by("pk"):
                if not RoleGrant.objects.filter(user=user, role=role).exists():
                    missing.append(f"{user.email}: {role}")
        for user in groups["focal_points"].user_set.order_by("pk"):
            if not FocalPoint.objects.filter(user=user).exists():
                missing.append(f"{user.email}: focal point")
        return missing

    return check


# --- courses: learning -------------------------------------------------------------------------


@pytest.fixture
def lessons(course):
    """Three published lessons under the course: the first two required, the third optional."""
    return [
        factories.LessonPageFactory(parent=course, title="Lesson one"),
        factories.LessonPageFactory(parent=course, title="Lesson two"),
        factories.LessonPageFactory(parent=course, title="Lesson three", required=False),
    ]


@pytest.fixture
def post_test(course):
    return factories.AssessmentPageFactory(parent=course, title="Post-test")


@pytest.fixture
def pre_test(course):
    from courses.choices import AssessmentKind

    return factories.AssessmentPageFactory(
        parent=course, title="Pre-test", kind=AssessmentKind.PRE_TEST, max_attempts=1
    )


@pytest.fixture
def enrollment(run):
    """A trainee with a place (status enrolled) on the run."""
    return factories.EnrollmentFactory(run=run)


@pytest.fixture
def mfa_user_factory(db):
    """Make a user with TOTP enabled (the admin requires two-factor authentication)."""

    def make(**kwargs):
        return factories.UserFactory(mfa=True, **kwargs)

    return make


# --- courses: catalogue (issue 3) -------------------------------------------------------------


@pytest.fixture
def course_indexes(course_index):
    """The catalogue in Arabic (source), English and French, all with the slug `programmes`."""
    return {
        "ar": course_index,
        "en": factories.translate_page(course_index, "en", title="Programmes", slug="programmes"),
        "fr": factories.translate_page(course_index, "fr", title="Programmes", slug="programmes"),
    }

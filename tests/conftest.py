import pytest
from allauth.mfa.models import Authenticator

from tests import factories


@pytest.fixture
def locales(db):
    return {code: factories.locale(code) for code in ("ar", "en", "fr")}


@pytest.fixture
def home_pages(locales):
    """The centre's home page in Arabic, English and French, as the site root."""
    from wagtail.models import Page, Site

    from training_site.models import HomePage

    root = Page.get_first_root_node()
    if root is None:  # transactional tests flush the tree that migrations created
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["ar"]))
    for child in root.get_children():
        child.delete()
    home_ar = HomePage(title="الرئيسية", slug="home", locale=locales["ar"], hero_title="مرحبا")
    root.add_child(instance=home_ar)
    home_ar.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home_ar, is_default_site=True)
    homes = {"ar": home_ar}
    for code, title in (("en", "Home"), ("fr", "Accueil")):
        page = home_ar.copy_for_translation(locales[code])
        page.title = title
        page.hero_title = title
        page.save_revision().publish()
        homes[code] = page.specific
    return homes


@pytest.fixture
def user(db):
    return factories.UserFactory()


@pytest.fixture
def staff_user(db):
    return factories.StaffFactory()


@pytest.fixture
def mfa_staff_user(staff_user):
    """Staff with TOTP enabled, as production requires for the admin."""
    Authenticator.objects.create(
        user=staff_user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
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


# --- courses: catalogue (issue 3) -------------------------------------------------------------


@pytest.fixture
def course_indexes(course_index):
    """The catalogue in Arabic (source), English and French, all with the slug `programmes`."""
    return {
        "ar": course_index,
        "en": factories.translate_page(course_index, "en", title="Programmes", slug="programmes"),
        "fr": factories.translate_page(course_index, "fr", title="Programmes", slug="programmes"),
    }

"""No admin form that a non-staff role can open offers a way to grant a role or a power.

The walk covers EVERY admin URL pattern (Wagtail's, wagtail-localize's and the project's): each
is filled with real objects of a world that has every page type and an object of every admin
viewset's model, and requested as an instructor, a focal point and a trainee. Every form in an
answer's context (with its formsets, nested ones included) and every field name in its POST
forms is inspected: a field pointing to accounts, groups, permissions or a role model (role
grants, instructor assignments, focal points, group page or collection permissions), or named
like one, fails the test. An admin URL pattern the walk cannot fill fails too, unless SKIPPED
says why it holds no such form.
"""

import re

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.forms import BaseForm, BaseFormSet, ModelChoiceField

from wagtail.contrib.redirects.models import Redirect
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
)

import pytest
import wagtail_factories
from wagtail_localize.models import Translation, TranslationSource

from certificates.services import issue_certificate
from courses.models import FocalPoint, InstructorAssignment, Nomination
from courses.services.nominations import appoint_focal_point
from tests import factories
from tests.admin_urls import SKIPPED, admin_urls, page_model_names
from tests.routes import all_routes
from training_site.models import RoleGrant, StandardPage

pytestmark = pytest.mark.django_db

ROLES = ("instructor", "focal_point", "trainee")

# A form for one of these grants a role or a power (a form for an account may edit its name).
ROLE_MODELS = {
    Group,
    Permission,
    RoleGrant,
    InstructorAssignment,
    FocalPoint,
    GroupPagePermission,
    GroupCollectionPermission,
}
# A form field pointing to one of these grants or exposes a role or a power.
GRANTING_MODELS = {get_user_model(), *ROLE_MODELS}
# Field names that say the same, whatever the widget (the last part of a formset field name).
GRANTING_NAMES = {
    "user",
    "users",
    "owner",
    "group",
    "groups",
    "permission",
    "permissions",
    "user_permissions",
    "is_staff",
    "is_superuser",
}

# --- the world: every page type, an object of every viewset's model ------------------------------


@pytest.fixture
def world(
    course_index,
    visit_index,
    programme,
    locales,
    private_storage,
    fake_certificate_pdf,
    mfa_user_factory,
    mfa_staff_user,
):
    home = course_index.get_parent().specific
    course = factories.CoursePageFactory(parent=course_index)
    other = factories.CoursePageFactory(parent=course_index)
    lesson = factories.LessonPageFactory(parent=course)
    test = factories.AssessmentPageFactory(parent=course)
    standard = home.add_child(instance=StandardPage(title="About", slug="about"))
    impact = factories.ImpactPageFactory(parent=home)
    story = factories.StudyVisitStoryPageFactory(parent=visit_index)
    pages = [home, course_index, course, other, lesson, test, standard, impact, visit_index]
    pages += [story, programme]
    for page in pages:
        page.save_revision()
    users = {
        "instructor": factories.make_instructor(course, mfa_user_factory()),
        "focal_point": appoint_focal_point(user=mfa_user_factory(), country="JO", by=None).user,
        "trainee": mfa_user_factory(),
    }
    factories.TraineeProfileFactory(user=users["trainee"])
    run = factories.CourseRunFactory(
        course=course, running=True, certificate_template=factories.CertificateTemplateFactory()
    )
    factories.SessionFactory(run=run)
    enrollment = factories.EnrollmentFactory(run=run, status="completed")
    certificate = issue_certificate(enrollment=enrollment, by=mfa_staff_user)
    factories.NominationFactory(run=run, nominated_by=users["focal_point"])
    factories.AccountDeletionRequestFactory(user=users["trainee"])
    collection = Collection.get_first_root_node().add_child(name="Lessons")
    image = wagtail_factories.ImageFactory(file=get_test_image_file())
    document = factories.DocumentFactory(title="Handout", collection=collection)
    source, _ = TranslationSource.get_or_create_from_instance(course)
    translation = Translation.objects.create(source=source, target_locale=locales["en"])
    return {
        "users": users,
        "pages": [*pages, home.get_parent()],  # the tree's root: where home pages are added
        "run": run,
        "certificate": certificate,
        "collection": collection,
        "image": image,
        "document": document,
        "redirect": Redirect.objects.create(old_path="/old", redirect_link="/"),
        "workflow": Workflow.objects.first(),
        "task": GroupApprovalTask.objects.first(),
        "translation": translation,
        "source": source,
        "topic": factories.TopicFactory(),
        "nomination": Nomination.objects.first(),
    }


# --- what a form offers -------------------------------------------------------------------------


def _forms_in(value, seen):
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, BaseForm):
        yield value
        for formset in getattr(value, "formsets", {}).values():
            yield from _forms_in(formset, seen)
    elif isinstance(value, BaseFormSet):
        yield value
        for form in [*value.forms, value.empty_form]:
            yield from _forms_in(form, seen)


def forms_of(response):
    seen = set()
    contexts = response.context or []
    if not isinstance(contexts, list):  # one template: the Context itself, a stack of dicts
        contexts = [contexts]
    for context in contexts:
        values = context.flatten().values() if hasattr(context, "flatten") else context.values()
        for value in values:
            yield from _forms_in(value, seen)


def granting_fields(form) -> list[str]:
    """The fields of `form` (a form or a formset) that grant or expose a role or a power."""
    if isinstance(form, BaseFormSet):
        model = getattr(form, "model", None)
        return [f"formset of {model._meta.label}"] if model in GRANTING_MODELS else []
    found = []
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model in ROLE_MODELS:
        found.append(f"form for {model._meta.label}")
    for name, field in form.fields.items():
        target = field.queryset.model if isinstance(field, ModelChoiceField) else None
        related = None
        if model is not None:
            try:
                related = model._meta.get_field(name).related_model
            except Exception:  # a form field that is not a model field
                related = None
        if name in GRANTING_NAMES or target in GRANTING_MODELS or related in GRANTING_MODELS:
            found.append(f"{type(form).__name__}.{name}")
    return found


POST_FORM = re.compile(r"<form\b[^>]*method=[\"']post[\"'][^>]*>(.*?)</form>", re.I | re.S)
FIELD_NAME = re.compile(r"\bname=[\"']([^\"']+)[\"']")


def granting_names_in_html(html: str) -> list[str]:
    names = [n for block in POST_FORM.findall(html) for n in FIELD_NAME.findall(block)]
    return [n for n in names if n.rsplit("-", 1)[-1] in GRANTING_NAMES]


# --- the tests ----------------------------------------------------------------------------------


def test_every_admin_url_pattern_is_walked(world):
    urls, unfilled = admin_urls(world)
    assert not unfilled, f"admin URL patterns the walk cannot fill (add them): {unfilled}"
    assert len(urls) > 300
    names = {name for name, _url in urls}
    for expected in ("wagtailadmin_pages:edit", "wagtailadmin_pages:add", "wagtailsettings:edit"):
        assert expected in names
    added = {url for name, url in urls if name == "wagtailadmin_pages:add"}
    for app_label, model_name in page_model_names():
        if model_name != "page":
            assert any(f"/add/{app_label}/{model_name}/" in url for url in added), model_name
    known = {key for name, route in all_routes() for key in (name, route)}
    assert not set(SKIPPED) - known, "stale SKIPPED entries"


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_form_a_non_staff_role_opens_grants_a_role_or_power(client, world, role):
    user = world["users"][role]
    client.force_login(user)
    urls, _unfilled = admin_urls(world)
    opened, offences = 0, []
    for _name, url in urls:
        response = client.get(url)
        if response.status_code != 200:
            continue
        forms = list(forms_of(response))
        opened += bool(forms)
        for form in forms:
            offences += [f"{url}: {field}" for field in granting_fields(form)]
        if "html" in response.get("Content-Type", ""):
            offences += [f"{url}: <{n}>" for n in granting_names_in_html(response.content.decode())]
    assert not offences, f"{role} can open forms that grant: {sorted(set(offences))}"
    if role == "instructor":  # the walk did reach their course's editor
        assert opened > 10

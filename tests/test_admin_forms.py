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

from django.apps import apps
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.forms import BaseForm, BaseFormSet, ModelChoiceField
from django.urls import NoReverseMatch, reverse

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    get_page_models,
)

import pytest
from wagtail_localize.models import Translation, TranslationSource

from courses.models import AccountDeletionRequest, FocalPoint, InstructorAssignment, Nomination
from courses.services.nominations import appoint_focal_point
from tests import factories
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

# Admin URL patterns the walk does not fill, each with why no granting form hides behind it.
SKIPPED = {
    "wagtailadmin_password_reset_confirm": "signed-out password reset, switched off",
    "wagtailadmin_pages:revisions_compare": "a read-only comparison of two revisions",
    "wagtailadmin_pages:workflow_action": "needs a page in moderation; approve/reject comment",
    "wagtailadmin_pages:collect_workflow_action_data": "the same, its comment form",
    "wagtailadmin_pages:workflow_history_detail": "read-only history of a moderation",
    "wagtailadmin_editing_sessions:ping": "JSON heartbeat of the page editor",
    "wagtailadmin_editing_sessions:release": "JSON heartbeat of the page editor",
    "wagtaildocs:create_multiple_from_uploaded_document": "POST-only step of a bulk upload",
    "wagtaildocs:delete_upload_multiple": "POST-only step of a bulk upload",
    "wagtailimages:create_multiple_from_uploaded_image": "POST-only step of a bulk upload",
    "wagtailimages:delete_upload_multiple": "POST-only step of a bulk upload",
    "wagtail_localize:edit_string_translation": "JSON endpoint of the translation editor",
    "wagtail_localize:edit_override": "JSON endpoint of the translation editor",
    "admin/^.*/$": "Wagtail's catch-all 404 for the admin",
    "wagtailadmin_error_test": "raises on purpose (Wagtail's test of the error page)",
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
    from certificates.services import issue_certificate

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
    AccountDeletionRequest.objects.create(user=users["trainee"], email=users["trainee"].email)
    collection = Collection.get_first_root_node().add_child(name="Lessons")
    image = factories.wagtail_factories.ImageFactory(file=get_test_image_file())
    document = get_document_model().objects.create(title="Handout", collection=collection)
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


# --- every admin URL, filled --------------------------------------------------------------------

PAGE_PARAMS = {"page_id", "parent_page_id", "page_to_move_id", "page_pk"}


def _viewset_objects():
    """{url namespace: model} for every registered admin viewset with a model."""
    found = {}
    for viewset in viewsets.viewsets:
        model = getattr(viewset, "model", None)
        try:
            namespace = viewset.url_namespace
        except ImproperlyConfigured:  # viewsets without a name (Wagtail's page viewsets)
            continue
        if isinstance(model, str):
            model = apps.get_model(model)
        if model is not None:
            found[namespace] = model
    return found


def _page_model_names():
    return [(m._meta.app_label, m._meta.model_name) for m in get_page_models()]


def fillings(name: str, params: list[str], w: dict) -> list[dict] | None:
    """The keyword arguments to reverse `name` with, or None when the walk cannot fill it."""
    namespace = name.rsplit(":", 1)[0] if ":" in name else ""
    p, pages = set(params), w["pages"]
    if not p:
        return [{}]
    if len(p) == 1 and p <= PAGE_PARAMS:
        (key,) = p
        return [{key: page.pk} for page in pages]
    if p == {"page_id", "revision_id"}:
        return [{"page_id": pg.pk, "revision_id": pg.latest_revision_id} for pg in pages]
    if p == {"page_to_move_id", "destination_id"}:
        return [{"page_to_move_id": pages[4].pk, "destination_id": pages[3].pk}]
    if p == {"page_pk", "workflow_pk"}:
        return [{"page_pk": page.pk, "workflow_pk": w["workflow"].pk} for page in pages]
    if p == {"page_id", "task_id"}:
        return [{"page_id": pg.pk, "task_id": w["task"].pk} for pg in pages]
    if p == {"content_type_app_name", "content_type_model_name", "parent_page_id"}:
        return [
            {
                "content_type_app_name": model._meta.app_label,
                "content_type_model_name": model._meta.model_name,
                "parent_page_id": page.pk,
            }
            for page in pages
            for model in page.specific_class.allowed_subpage_models()
        ]
    if p == {"content_type_app_name", "content_type_model_name"}:
        return [
            {"content_type_app_name": a, "content_type_model_name": m}
            for a, m in _page_model_names()
        ]
    if name == "wagtailadmin_pages:choose_parent":
        return [{"app_label": a, "model_name": m} for a, m in _page_model_names()]
    if name == "wagtailadmin_workflows:add_task":
        return [{"app_label": "wagtailcore", "model_name": "groupapprovaltask"}]
    if name == "wagtailadmin_tag_model_autocomplete":
        return [{"app_name": "wagtaildocs", "model_name": "document"}]
    if namespace == "wagtailsettings":
        site = {"pk": w["pages"][0].get_site().pk} if "pk" in p else {}
        return [{"app_name": "training_site", "model_name": "centresettings", **site}]
    if namespace == "wagtail_localize" and "app_label" in p:
        topic = w["topic"]
        extra = {"pk": topic.pk} if "pk" in p else {}
        return [{"app_label": "courses", "model_name": "topic", **extra}]
    if name == "wagtail_bulk_action":
        return _bulk_actions()
    if p == {"translation_id"}:
        return [{"translation_id": w["translation"].pk}]
    if p == {"translation_id", "mode"}:
        return [{"translation_id": w["translation"].pk, "mode": ""}]
    if p == {"translation_source_id"}:
        return [{"translation_source_id": w["source"].pk}]
    single = {
        "collection_id": w["collection"].pk,
        "image_id": w["image"].pk,
        "document_id": w["document"].pk,
        "doc_id": w["document"].pk,
        "redirect_id": w["redirect"].pk,
        "task_id": w["task"].pk,
        "run_id": w["run"].public_id,
        "public_id": w["certificate"].public_id,
    }
    if len(p) == 1 and p <= set(single):
        (key,) = p
        return [{key: single[key]}]
    if p == {"image_id", "filter_spec"}:
        return [{"image_id": w["image"].pk, "filter_spec": "fill-100x100"}]
    if p == {"pk"}:
        return _by_pk(name, namespace, w)
    if p == {"pk", "action_name"}:  # the admin API's page actions
        return [{"pk": page.pk, "action_name": "copy"} for page in pages]
    return None


def _by_pk(name, namespace, w):
    models = _viewset_objects()
    if namespace in models:
        instance = models[namespace]._default_manager.order_by("pk").first()
        return [{"pk": quote(instance.pk)}] if instance is not None else None
    if namespace == "wagtailadmin_collections":
        return [{"pk": w["collection"].pk}]
    if namespace == "wagtailadmin_workflows":
        target = w["task"] if name.endswith("_task") else w["workflow"]
        return [{"pk": target.pk}]
    if namespace == "wagtailadmin_api:pages":
        return [{"pk": page.pk} for page in w["pages"]]
    if namespace == "wagtailadmin_api:images":
        return [{"pk": w["image"].pk}]
    if namespace == "wagtailadmin_api:documents":
        return [{"pk": w["document"].pk}]
    return None


def _bulk_actions():
    bulk_action_registry._scan_for_bulk_actions()
    return [
        {"app_label": app, "model_name": model, "action": action}
        for app, models in bulk_action_registry.actions.items()
        for model, actions in models.items()
        for action in actions
    ]


def _bulk_query(kwargs) -> str:
    """Bulk actions act on the objects named in the query string: name the first one."""
    model = apps.get_model(kwargs["app_label"], kwargs["model_name"])
    first = model._default_manager.order_by("pk").first()
    return f"?id={quote(first.pk)}" if first is not None else ""


def admin_urls(w):
    """[(route name, URL)] for every admin URL pattern, and the patterns not filled."""
    urls, unfilled = [], []
    for name, route in all_routes():
        if not route.lstrip("^").startswith("admin/") or name in SKIPPED:
            continue
        params = re.findall(r"<(?:\w+:)?(\w+)>", route) + re.findall(r"\(\?P<(\w+)>", route)
        if not name:  # Wagtail's unnamed admin routes
            if route not in SKIPPED and not params and "^" not in route:
                urls.append((route, "/" + route))
            elif route not in SKIPPED:
                unfilled.append(route)
            continue
        filled = fillings(name, params, w)
        if filled is None:
            unfilled.append(name)
            continue
        for kwargs in filled:
            try:
                url = reverse(name, kwargs=kwargs)
            except NoReverseMatch:
                continue
            if name == "wagtail_bulk_action":
                url += _bulk_query(kwargs)
            urls.append((name, url))
    return urls, unfilled


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
    for app_label, model_name in _page_model_names():
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

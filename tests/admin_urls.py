"""Every admin URL pattern of the project (Wagtail's, wagtail-localize's, its own), filled with
real objects of a test world: for tests that walk the admin (tests/test_admin_forms.py).

`admin_urls(world)` needs in `world`: "pages" (one page of each type, the tree's root last),
"collection", "image", "document", "redirect", "workflow", "task", "translation", "source",
"topic", "run" and "certificate"; every other viewset's first object is looked up.
"""

import re

from django.apps import apps
from django.contrib.admin.utils import quote
from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse

from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.viewsets import viewsets
from wagtail.models import get_page_models

from tests.routes import all_routes

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


def page_model_names():
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
            for a, m in page_model_names()
        ]
    if name == "wagtailadmin_pages:choose_parent":
        return [{"app_label": a, "model_name": m} for a, m in page_model_names()]
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

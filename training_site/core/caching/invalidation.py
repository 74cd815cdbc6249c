"""What each change clears: one table, connected once (TrainingSiteConfig.ready).

This is housekeeping, not a workflow: it changes no rows and sends nothing. A change can clear

- `CONTENT`: the page chrome and the small shared lists (training_site.core.caching.content),
- `PAGES`: every whole page cached for visitors (training_site.core.caching.pages),
- `PERMISSIONS`: every account's cached permission set (training_site.core.auth_backends),
- `IMPACT`: the impact page's figures (courses.reports.impact), once the change is committed.

Pages of every type clear `PAGE_CHANGES` only when a visitor can see the change: publishing,
unpublishing, moving or deleting a live page, or saving a live page other than a draft revision. Saving a
draft, submitting it to moderation or locking a page clears nothing.
"""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.module_loading import import_string

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

CONTENT = "content"
PAGES = "pages"
PERMISSIONS = "permissions"
IMPACT = "impact"

# What clears each, by dotted path (the table names apps' clearers without importing them), and
# whether it waits for the transaction to commit.
CLEARERS: dict[str, tuple[str, bool]] = {
    CONTENT: ("training_site.core.caching.content.bump_content_version", False),
    PAGES: ("training_site.core.caching.pages.purge", False),
    PERMISSIONS: ("training_site.core.auth_backends.bump_permissions_version", False),
    IMPACT: ("courses.reports.impact.invalidate", True),
}

# Model label, or "label.field" for the rows of a many-to-many relation -> what a save or a
# delete of it (an add, remove or clear of the relation) clears.
TABLE: dict[str, tuple[str, ...]] = {
    "training_site.CentreSettings": (CONTENT, PAGES),
    "training_site.PartnerLogo": (CONTENT, PAGES),
    "wagtailcore.Site": (CONTENT, PAGES),
    "wagtailcore.Locale": (CONTENT, PAGES),
    "wagtailimages.Image": (CONTENT, PAGES),
    "courses.Topic": (CONTENT, PAGES),
    "courses.CourseInstructor": (CONTENT, PAGES),
    "courses.CourseRun": (PAGES,),
    "courses.Session": (PAGES,),
    "courses.Enrollment": (PAGES, IMPACT),
    "auth.Group": (PERMISSIONS,),
    "auth.Permission": (PERMISSIONS,),
    "auth.Group.permissions": (PERMISSIONS,),
    f"{settings.AUTH_USER_MODEL}.groups": (PERMISSIONS,),
    f"{settings.AUTH_USER_MODEL}.user_permissions": (PERMISSIONS,),
}

PAGE_CHANGES: tuple[str, ...] = (CONTENT, PAGES)

# Page fields that a draft revision, a moderation step or a lock writes: nothing a visitor sees.
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def clear(names) -> None:
    """Clear each named cache (after the commit for those that wait for it)."""
    for name in names:
        path, after_commit = CLEARERS[name]
        clearer = import_string(path)
        if after_commit:
            transaction.on_commit(clearer)
        else:
            clearer()


def _ignored(sender, kwargs) -> bool:
    # Fixtures, and migrations' historical models (the cache table may not exist yet).
    return kwargs.get("raw", False) or sender.__module__ == "__fake__"


def _clearer_for(names):
    def receiver(sender, **kwargs):
        if _ignored(sender, kwargs):
            return
        if "action" in kwargs and not kwargs["action"].startswith("post_"):
            return  # m2m_changed: once the rows have changed
        clear(names)

    return receiver


def page_saved(sender, instance, update_fields=None, **kwargs):
    if not issubclass(sender, Page) or _ignored(sender, kwargs) or not instance.live:
        return
    if update_fields is not None and set(update_fields) <= DRAFT_FIELDS:
        return
    clear(PAGE_CHANGES)


def page_deleted(sender, instance, **kwargs):
    if issubclass(sender, Page) and not _ignored(sender, kwargs) and instance.live:
        clear(PAGE_CHANGES)


def page_went_live_or_off(sender, **kwargs):
    clear(PAGE_CHANGES)


def page_moved(sender, instance, **kwargs):
    if instance.live:
        clear(PAGE_CHANGES)


def _m2m_through(label: str):
    app_model, field = label.rsplit(".", 1)
    return apps.get_model(app_model)._meta.get_field(field).remote_field.through


def connect() -> None:
    for path, _after_commit in CLEARERS.values():
        import_string(path)  # a renamed clearer fails at start-up, not on the first change
    for label, names in TABLE.items():
        receiver = _clearer_for(names)
        if label.count(".") == 2:
            m2m_changed.connect(
                receiver, sender=_m2m_through(label), weak=False, dispatch_uid=f"clears-{label}"
            )
            continue
        for signal, verb in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                receiver, sender=label, weak=False, dispatch_uid=f"clears-{verb}-{label}"
            )
    post_save.connect(page_saved, dispatch_uid="clears-save-page")
    post_delete.connect(page_deleted, dispatch_uid="clears-delete-page")
    page_published.connect(page_went_live_or_off, dispatch_uid="clears-page-published")
    page_unpublished.connect(page_went_live_or_off, dispatch_uid="clears-page-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="clears-page-moved")

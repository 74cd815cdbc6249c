"""Cache invalidation: publishing a page or changing what pages show purges the page cache.

This is housekeeping, not a workflow: it changes no rows and sends nothing.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.signals import page_published, page_unpublished

from training_site.core.caching.pages import purge


def _purge(sender, **kwargs):
    purge()


def connect() -> None:
    page_published.connect(_purge, dispatch_uid="page-cache-published")
    page_unpublished.connect(_purge, dispatch_uid="page-cache-unpublished")
    from courses.models import CourseRun, Enrollment, Session, Topic
    from training_site.models import CentreSettings

    for model in (CourseRun, Session, Enrollment, Topic, CentreSettings):
        post_save.connect(_purge, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")
        post_delete.connect(_purge, sender=model, dispatch_uid=f"page-cache-del-{model.__name__}")

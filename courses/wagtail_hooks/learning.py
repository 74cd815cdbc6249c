"""Keep instructors' page permissions in step with the course's instructor assignments."""

from wagtail import hooks

from ..models import CoursePage
from ..services.instructors import sync_instructor_permissions


def _sync(request, page):
    specific = page.specific
    if isinstance(specific, CoursePage):
        sync_instructor_permissions(course=specific)


hooks.register("after_create_page", _sync)
hooks.register("after_edit_page", _sync)
hooks.register("after_publish_page", _sync)

"""Which live pages use a document (Wagtail's reference index: document blocks and links)."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex


def pages_using(document) -> list[Page]:
    """The live pages (specific) whose published content uses `document`."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    return list(Page.objects.live().filter(pk__in=ids).specific())

"""The site's documents (lesson handouts and the like): private files behind a random key."""

import uuid

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument, Document

from training_site.core.storage import private_storage


class CentreDocument(AbstractDocument):
    """Wagtail's document, kept in private storage and reached only through the checked view
    (`/documents/<key>/<filename>`, courses.views.documents): the key is random, so a
    document's address cannot be guessed from another's, and the file has no public URL."""

    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    file = models.FileField(storage=private_storage, upload_to="documents", verbose_name=_("file"))

    admin_form_fields = Document.admin_form_fields

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    @property
    def url(self) -> str:
        # A document whose file is not saved yet (an admin form being filled) has no name.
        filename = self.filename or "document"
        return reverse("document", kwargs={"key": self.key, "filename": filename})

"""Topics: the themes of the catalogue (a translatable snippet)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import TranslatableMixin
from wagtail.search import index

from training_site.core.text import TextLineField, TextLinesField


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A theme of the catalogue, such as victim identification or prosecution."""

    name = TextLineField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    description = TextLinesField(_("description"), blank=True)

    panels = ["name", "slug", "description"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name

"""The public impact page: the centre's aggregate figures, no names."""

from django.utils.translation import gettext_lazy as _

from wagtail.fields import RichTextField
from wagtail.models import Page

from training_site.core.caching.pages import CachedPageMixin


class ImpactPage(CachedPageMixin, Page):
    """Officials trained, countries, courses, hours and completion rate, with two charts."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/core/routing.py

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    method_note = RichTextField(
        _("note on the figures"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown under the figures, e.g. how they are counted."),
    )

    content_panels = [*Page.content_panels, "intro", "method_note"]
    parent_page_types = ["training_site.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("impact page")

    def get_context(self, request, *args, **kwargs):
        from ..reports.impact import figures_for

        context = super().get_context(request, *args, **kwargs)
        context["figures"] = figures_for(self.locale.language_code)
        return context

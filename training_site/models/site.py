from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from training_site.blocks import BaseStreamBlock
from training_site.core.caching.content import cached
from training_site.core.caching.pages import CachedPageMixin
from training_site.core.routing import site_for
from training_site.core.text import TextLineField, TextLinesField


class HomePage(CachedPageMixin, Page):
    """The centre's front page, one per language."""

    direct_route = True  # ancestors fixed by parent_page_types; see training_site/core/routing.py

    hero_title = TextLineField(_("hero title"), max_length=200, blank=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, "hero_title", "intro", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")


class StandardPage(CachedPageMixin, Page):
    """A plain content page: about the centre, contact, policies."""

    intro = TextLinesField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, "intro", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class CentreSettings(ClusterableModel, BaseSiteSetting):
    """The centre's identity and contact details, edited by staff."""

    name_ar = TextLineField(_("centre name (Arabic)"), max_length=200, blank=True)
    name_en = TextLineField(_("centre name (English)"), max_length=200, blank=True)
    name_fr = TextLineField(_("centre name (French)"), max_length=200, blank=True)
    short_name = TextLineField(_("short name"), max_length=30, blank=True, default="RTC")
    address = TextLinesField(_("postal address"), blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = TextLineField(_("telephone"), max_length=50, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(["name_ar", "name_en", "name_fr", "short_name"], heading=_("Name")),
        MultiFieldPanel(["address", "email", "phone"], heading=_("Contact")),
        FieldPanel("logo"),
        InlinePanel("partners", label=_("Partner organisations")),
    ]

    class Meta:
        verbose_name = _("centre settings")

    @classmethod
    def for_request(cls, request):
        """The site's settings from the shared content cache: every page shows them, and saving
        them (or anything else the chrome shows) starts a new content version."""
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            site = site_for(request)
            if site is None:
                return super().for_request(request)
            setattr(
                request, attr_name, cached(("centre-settings", site.pk), lambda: cls.for_site(site))
            )
        return getattr(request, attr_name)

    def name_for(self, language: str | None = None) -> str:
        """The name in `language` (default: the active one), else in English, else in Arabic."""
        language = (language or get_language() or settings.LANGUAGE_CODE)[:2]
        name = getattr(self, f"name_{language}", "") if language in dict(settings.LANGUAGES) else ""
        return name or self.name_en or self.name_ar or str(_("Training centre"))

    @property
    def name(self) -> str:
        return self.name_for()


class PartnerLogo(Orderable):
    settings = ParentalKey(CentreSettings, related_name="partners", on_delete=models.CASCADE)
    name = TextLineField(_("name"), max_length=200)
    url = models.URLField(_("web site"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = ["name", "url", "logo"]

    class Meta(Orderable.Meta):
        verbose_name = _("partner organisation")

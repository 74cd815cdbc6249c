"""The site itself: locales, the home pages in three languages, translations, documents."""

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories

from training_site.models import CentreSettings, HomePage, PartnerLogo, StandardPage


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def home_pages(locales: dict[str, Locale]) -> dict:
    """The centre's home page in Arabic, English and French, as the site root."""
    root = Page.get_first_root_node()
    if root is None:  # transactional tests flush the tree that migrations created
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales["ar"]))
    for child in root.get_children():
        child.delete()
    home_ar = HomePage(title="الرئيسية", slug="home", locale=locales["ar"], hero_title="مرحبا")
    root.add_child(instance=home_ar)
    home_ar.save_revision().publish()
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=home_ar, is_default_site=True
    )
    CentreSettings.for_site(site)  # as `seed_demo` does: pages never create it on first view
    homes = {"ar": home_ar}
    for code, title in (("en", "Home"), ("fr", "Accueil")):
        page = home_ar.copy_for_translation(locales[code])
        page.title = title
        page.hero_title = title
        page.save_revision().publish()
        homes[code] = page.specific
    return homes


def translate_page(page, code: str, **fields):
    """Publish a Wagtail translation of `page` in `code` with the given field values."""
    translated = page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated.specific


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "About the centre."


class PartnerLogoFactory(factory.django.DjangoModelFactory):
    """A partner organisation in the centre's settings (`settings` is required)."""

    class Meta:
        model = PartnerLogo

    name = factory.Sequence(lambda n: f"Partner {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    """A document (lesson handout) in the root collection unless given one."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Handout {n}")
    file = factory.django.FileField(filename="handout.pdf", data=b"%PDF-1.4\n% handout\n%%EOF\n")

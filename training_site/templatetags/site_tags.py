from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Locale, Page, Site

from training_site.core.caching.content import cached, content_version
from training_site.core.caching.pages import generation
from training_site.core.roles import FOCAL_POINT_GROUP, INSTRUCTOR_GROUP

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the same page in each language: the page's translation, else the same URL."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if isinstance(page, Page) and page.pk:
        translations = cached(
            ("translations", _host(request), page.pk), lambda: _translation_urls(page, request)
        )
    path = request.get_full_path() if request else "/"
    links = []
    for code, name in settings.LANGUAGES:
        url = translations.get(code) or translate_url(path, code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links, "current": current}


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's children shown in menus, in the visitor's language."""
    request = context.get("request")
    language = translation.get_language()
    return cached(("main_menu", _host(request), language), lambda: _main_menu(request))


def _main_menu(request) -> dict:
    site_root = _site_root(request)
    items = []
    if site_root is not None:
        menu_pages = site_root.get_children().live().in_menu().specific(defer=True)
        items = [{"title": p.title, "url": p.get_url(request=request)} for p in menu_pages]
    return {"items": items, "home_url": site_root.get_url(request=request) if site_root else "/"}


def _translation_urls(page, request) -> dict:
    return {
        other.locale.language_code: other.get_url(request=request)
        for other in page.get_translations(inclusive=True).live().select_related("locale")
    }


def _host(request) -> str:
    return request.get_host() if request else ""


@register.simple_tag
def content_version_tag():
    """The content version, for `{% cache %}` fragments that must change after an edit."""
    return content_version()


def _site_root(request):
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    root = site.root_page
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return root
    return root.get_translation_or_none(locale) or root


@register.simple_tag(takes_context=True)
def role_areas(context) -> list[dict]:
    """Links to the areas of the roles the signed-in user holds (one query)."""
    user = context["request"].user
    if not user.is_authenticated:
        return []
    groups = set(user.groups.values_list("name", flat=True))
    areas = []
    if FOCAL_POINT_GROUP in groups:
        areas.append({"url": reverse("courses:focal_point"), "label": _("Focal point")})
    if INSTRUCTOR_GROUP in groups:
        areas.append({"url": reverse("courses:teaching_runs"), "label": _("Teaching")})
    return areas


@register.simple_tag
def page_generation():
    """The page-cache generation: a key for fragments that must go when anything they show does."""
    return generation()

"""Route a Wagtail page request in two queries instead of one per level of the tree.

Wagtail finds a page by walking down from the site's root, one query for each child and one more
for its specific class: a lesson four levels down costs ten queries before its own work starts.
`DirectRouteMiddleware` (training_site.core.middleware) looks the page up by its URL path in one query and loads its specific
class in a second, then hands Wagtail the result through the attribute Wagtail's own router caches
on the request (`_wagtail_route_for_request`, through training_site.core.patches). The site and its home page in each language come
from the shared content cache, which every page, site or locale change invalidates.

Only page types that set `direct_route = True` take this path: types whose ancestors are fixed by
`parent_page_types` and none of which overrides `route()`, so walking the tree could not give another
answer. Anything else (routable pages, sub-routes, drafts, unknown URLs) falls back to Wagtail.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import get_language

from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from training_site.core import patches
from training_site.core.caching.content import cached


def site_for(request) -> Site | None:
    """`Site.find_for_request` through the shared content cache (one query less per request)."""
    if not patches.site_remembered(request):
        key = ("route-site", request._get_raw_host(), request.get_port())
        patches.remember_site(request, cached(key, lambda: patches.find_site(request)))
    return patches.remembered_site(request)


def _homes(site: Site) -> dict[str, tuple[str, str]]:
    """The site's root page in each language: language code -> (tree path, URL path)."""

    def compute():
        root = site.root_page
        return {
            code: (path, url_path)
            for code, path, url_path in Page.objects.filter(
                translation_key=root.translation_key, depth=root.depth
            ).values_list("locale__language_code", "path", "url_path")
        }

    return cached(("route-homes", site.pk), compute)


def direct_route(request, path: str) -> RouteResult | None:
    site = site_for(request)
    if site is None:
        return None
    home = _homes(site).get(get_language() or "")
    if home is None:
        return None
    home_path, home_url_path = home
    components = [part for part in path.split("/") if part]
    url_path = home_url_path + "".join(f"{part}/" for part in components)
    row = (
        Page.objects.filter(url_path=url_path, path__startswith=home_path, live=True)
        .values_list("pk", "content_type_id")
        .first()
    )
    if row is None:
        return None
    model = ContentType.objects.get_for_id(row[1]).model_class()
    if not getattr(model, "direct_route", False):
        return None
    page = model.objects.filter(pk=row[0]).first()
    return RouteResult(page) if page is not None else None

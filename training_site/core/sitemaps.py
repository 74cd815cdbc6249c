"""sitemap.xml: every live public page in every language, each with its translations as
`hreflang` alternates (Wagtail's own sitemap lists only the default site root's tree)."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page, get_page_models


def _unlisted_content_types():
    """Page types marked `unlisted` (a delegation's private visit programme) stay out."""
    unlisted = [model for model in get_page_models() if getattr(model, "unlisted", False)]
    return [ContentType.objects.get_for_model(model) for model in unlisted]


class MultilingualSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        root = site.root_page
        roots = Page.objects.filter(translation_key=root.translation_key)
        pages = Page.objects.none()
        for translated_root in roots:
            pages |= Page.objects.descendant_of(translated_root, inclusive=True)
        return (
            pages.live()
            .public()
            .exclude(content_type__in=_unlisted_content_types())
            .order_by("path")
            .select_related("locale")
            .defer_streamfields()
        )

    def _urls(self, page, protocol, domain):
        object_list = list(self.paginator.page(page).object_list)
        by_key = defaultdict(list)
        for item in object_list:
            by_key[item.translation_key].append(item)
        urls = []
        locations = {}
        for item in object_list:
            locations[item.pk] = item.get_full_url(self.request)
        for item in object_list:
            location = locations[item.pk]
            if not location:
                continue
            alternates = [
                {"location": locations[other.pk], "lang_code": other.locale.language_code}
                for other in sorted(
                    by_key[item.translation_key], key=lambda p: p.locale.language_code
                )
                if locations[other.pk]
            ]
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates if len(alternates) > 1 else [],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

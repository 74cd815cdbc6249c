from django import template

from wagtail.models import Page

from training_site.core.caching.content import cached

register = template.Library()


@register.inclusion_tag("courses/includes/hreflang.html", takes_context=True)
def hreflang_links(context, page):
    """`<link rel=alternate hreflang>` for each live translation of `page`."""
    request = context.get("request")
    if not (isinstance(page, Page) and page.pk):
        return {"alternates": [], "default_url": None}
    host = request.get_host() if request else ""
    return cached(("hreflang", host, page.pk), lambda: _alternates(page, request))


def _alternates(page, request) -> dict:
    alternates = []
    default_url = None
    for other in page.get_translations(inclusive=True).live().select_related("locale"):
        url = other.get_full_url(request=request)
        if url:
            alternates.append({"lang": other.locale.language_code, "url": url})
            if other.locale.language_code == "ar":
                default_url = url
    alternates.sort(key=lambda alt: alt["lang"])
    return {"alternates": alternates, "default_url": default_url}

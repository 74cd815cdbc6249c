from django import template

from wagtail.models import Page

register = template.Library()


@register.inclusion_tag("courses/includes/hreflang.html", takes_context=True)
def hreflang_links(context, page):
    """`<link rel=alternate hreflang>` for each live translation of `page`."""
    request = context.get("request")
    alternates = []
    default_url = None
    if isinstance(page, Page) and page.pk:
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            url = other.get_full_url(request=request)
            if url:
                alternates.append({"lang": other.locale.language_code, "url": url})
                if other.alias_of_id is None and other.locale.language_code == "ar":
                    default_url = url
    alternates.sort(key=lambda alt: alt["lang"])
    return {"alternates": alternates, "default_url": default_url}

"""Shared WeasyPrint rendering: the project's fonts, and a fetcher that reads only our own files.

Every PDF of the platform (brochure, invitation letter, certificate, itinerary) goes through
`render_pdf`. Templates refer to `{% static %}` and media URLs as usual; they resolve against
`PDF_BASE_URL`, a host that is never contacted: the fetcher answers from the static files finders
and the default storage, and refuses everything else (the network, `file://` paths, other hosts).

Each process (and thread) keeps one WeasyPrint font configuration with the shipped fonts loaded
once, and the parsed stylesheets handed to `render_pdf`: loading eight font files and parsing the
same CSS for every PDF was most of the cost of a small document. Font subsets are reused too (see
`reuse_font_subsets` in training_site.core.patches).
"""

import logging
import mimetypes
import threading
from collections import OrderedDict
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation

from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

PDF_BASE_URL = "https://pdf.invalid/"
_BASE = urlsplit(PDF_BASE_URL)
FONTS_CSS = "css/pdf-fonts.css"
_STYLESHEETS_KEPT = 16
_local = threading.local()


class FetchRefused(ValueError):
    """A resource outside the project's static and media files was asked for."""


class ProjectFileFetcher(URLFetcher):
    """Serve `data:` URIs and the project's static and media files; refuse anything else."""

    def __init__(self):
        super().__init__(allowed_protocols={"data", "https"}, fail_on_errors=False)

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme != _BASE.scheme or parts.netloc != _BASE.netloc:
            logger.warning("PDF fetch refused: %s", url[:200])
            raise FetchRefused(f"refused: {url[:200]}")
        path = unquote(parts.path)
        if ".." in path.split("/"):
            raise FetchRefused("refused: path traversal")
        body = self._read(path)
        content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": content_type})

    @staticmethod
    def _read(path: str) -> bytes:
        if path.startswith(settings.STATIC_URL):
            name = path.removeprefix(settings.STATIC_URL)
            found = finders.find(name)
            if not found:
                raise FetchRefused(f"no such static file: {name}")
            with open(found, "rb") as handle:
                return handle.read()
        if path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
            with default_storage.open(name, "rb") as handle:
                return handle.read()
        raise FetchRefused(f"refused: {path}")


class _Renderer:
    """A font configuration with the shipped fonts, and parsed stylesheets, for one thread."""

    def __init__(self):
        self.font_config = FontConfiguration()
        self.fonts = CSS(
            url=f"{PDF_BASE_URL}{settings.STATIC_URL.lstrip('/')}{FONTS_CSS}",
            url_fetcher=ProjectFileFetcher(),
            font_config=self.font_config,
        )
        self.stylesheets = OrderedDict()

    def stylesheet(self, css: str) -> CSS:
        sheet = self.stylesheets.pop(css, None)
        if sheet is None:
            sheet = CSS(
                string=css,
                base_url=PDF_BASE_URL,
                url_fetcher=ProjectFileFetcher(),
                font_config=self.font_config,
            )
        self.stylesheets[css] = sheet
        while len(self.stylesheets) > _STYLESHEETS_KEPT:
            self.stylesheets.popitem(last=False)
        return sheet


def _renderer() -> _Renderer:
    renderer = getattr(_local, "renderer", None)
    if renderer is None:
        renderer = _local.renderer = _Renderer()
    return renderer


def render_pdf(html: str, *, variant: str | None = None, css: str = "") -> bytes:
    """Render HTML to PDF bytes; `variant="pdf/a-3b"` for the archival variant.

    The shipped fonts are always available. `css` is a stylesheet with the user origin (the
    page's own style wins over it): give the static part of a template's style here rather than
    in a `<style>` element, and it is parsed once per process instead of once per PDF.
    """
    renderer = _renderer()
    stylesheets = [renderer.fonts]
    if css:
        stylesheets.append(renderer.stylesheet(css))
    document = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=ProjectFileFetcher())
    options = {"pdf_variant": variant} if variant else {}
    return document.write_pdf(font_config=renderer.font_config, stylesheets=stylesheets, **options)


def render_template_pdf(
    template_name: str,
    context: dict,
    *,
    language: str,
    variant: str | None = None,
    css_template: str | None = None,
) -> bytes:
    """Render a Django template in `language`, then to PDF (`css_template`: see `render_pdf`)."""
    with translation.override(language):
        html = render_to_string(template_name, context)
        css = render_to_string(css_template, context) if css_template else ""
    return render_pdf(html, variant=variant, css=css)

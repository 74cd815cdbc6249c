import io

import pytest
from pypdf import PdfReader

from training_site.core.pdf import FetchRefused, ProjectFileFetcher, render_pdf

FONT_HTML = """<html lang="ar" dir="rtl"><head><link rel="stylesheet" href="/static/css/pdf-fonts.css">
<style>body {{ font-family: "Amiri"; }}</style></head><body><p>{body}</p></body></html>"""


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_arabic_text_is_rendered_with_the_shipped_font():
    pdf = render_pdf(FONT_HTML.format(body="مركز التدريب"))
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {
        str(font["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Amiri" in name for name in fonts)
    assert "التدريب" in _text(pdf)


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://example.com/logo.png",
        "https://example.com/logo.png",
        "https://pdf.invalid/etc/passwd",
        "https://pdf.invalid/static/../../../etc/passwd",
    ],
)
def test_fetcher_refuses_anything_but_project_files(url):
    with pytest.raises(FetchRefused):
        ProjectFileFetcher().fetch(url)


def test_fetcher_serves_static_files():
    response = ProjectFileFetcher().fetch("https://pdf.invalid/static/fonts/Amiri-Regular.ttf")
    assert response.read(4) == b"\x00\x01\x00\x00"


def test_a_document_pointing_at_local_files_renders_without_them():
    html = (
        '<html><body><img src="file:///etc/passwd"><iframe src="file:///etc/hostname"></iframe>'
        "<p>ok</p></body></html>"
    )
    pdf = render_pdf(html)
    assert "root:" not in _text(pdf)
    assert b"root:x:" not in pdf

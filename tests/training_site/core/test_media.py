"""Media from the site's origin: no SVG, no documents, and headers that forbid sniffing."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.test import RequestFactory

import pytest

from training_site import views

pytestmark = pytest.mark.django_db

SCRIPTED_SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
)
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f"
    b"\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7V\xbd\xfa\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)


def test_an_svg_cannot_be_uploaded_as_an_image(client, mfa_staff_user):
    from wagtail.images import get_image_model

    client.force_login(mfa_staff_user)
    response = client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("logo.svg", SCRIPTED_SVG, "image/svg+xml")},
    )
    assert not get_image_model().objects.exists()
    assert response.json()["success"] is False
    assert "SVG" not in response.json()["error_message"]  # not among the supported formats


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    for name, content in {
        "original_images/logo.svg": SCRIPTED_SVG,
        "images/logo.width-400.SVG": SCRIPTED_SVG,
        "documents/handout.pdf": b"%PDF-1.4",
        "original_images/photo.png": PNG,
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    return tmp_path


@pytest.mark.parametrize(
    "path", ["original_images/logo.svg", "images/logo.width-400.SVG", "documents/handout.pdf"]
)
def test_development_media_never_serves_svg_or_documents(media_root, path):
    with pytest.raises(Http404):
        views.debug_media(RequestFactory().get(f"/media/{path}"), path)


def test_development_media_serves_images_with_protective_headers(media_root):
    response = views.debug_media(RequestFactory().get("/"), "original_images/photo.png")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


def test_debug_routes_media_through_the_checked_view(settings):
    import importlib

    from django.urls import clear_url_caches, resolve

    from training_site import urls

    settings.DEBUG = True
    try:
        importlib.reload(urls)
        clear_url_caches()
        assert resolve("/media/original_images/photo.png", urls).func is views.debug_media
        assert resolve("/media/documents/handout.pdf", urls).func is views.debug_media
    finally:
        settings.DEBUG = False
        importlib.reload(urls)
        clear_url_caches()

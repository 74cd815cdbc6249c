from django.urls import path, register_converter

from . import views

app_name = "certificates"


class CodeConverter:
    """Anything that could be a typed code (normalised in the view), never a slash or a dot."""

    regex = r"[A-Za-z0-9 _%\-]{1,60}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CodeConverter, "certcode")

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/check-file/", views.verify_file, name="verify_file"),
    path("verify/<certcode:code>.json", views.verify_json, name="verify_json"),
    path("verify/<certcode:code>/", views.verify_code, name="verify_code"),
    path("my/certificates/", views.my_certificates, name="mine"),
    path("certificates/<uuid:public_id>/download/", views.download, name="download"),
]

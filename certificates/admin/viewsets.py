"""The certificates menu: issued certificates (read-only), issuance for a run, templates."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSet

from training_site.admin.panels import NameColumn
from training_site.core.roles import is_centre_staff

from ..models import Certificate, CertificateTemplate
from . import views
from .columns import ActionsColumn, RunColumn


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_label = _("Templates")
    list_display = ["name", "printed_languages", "version", "updated_at"]
    preview_on_add_view_class = views.TemplatePreviewOnCreate
    preview_on_edit_view_class = views.TemplatePreviewOnEdit


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    inspect_view_enabled = True
    list_display = [
        "serial",
        NameColumn(
            "holder_name_latin", label=_("name in Latin script"), sort_key="holder_name_latin"
        ),
        NameColumn(
            "holder_name_arabic", label=_("name in Arabic script"), sort_key="holder_name_arabic"
        ),
        RunColumn("run", label=_("Course run")),
        "status",
        "issued_at",
        ActionsColumn("actions", label=_("Actions")),
    ]
    list_filter = ["status", "enrollment__run"]
    search_fields = ["serial", "code", "holder_name_latin", "holder_name_arabic"]
    search_backend_name = None
    form_fields = ["revocation_reason"]  # never reachable: the permission policy forbids forms
    inspect_view_fields = [
        "serial",
        "code",
        "status",
        "holder_name_latin",
        "holder_name_arabic",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revocation_reason",
        "supersedes",
        "pdf_sha256",
    ]

    def get_queryset(self, request):
        return Certificate.objects.select_related("enrollment__run__course")


class IssuanceViewSet(ViewSet):
    name = "certificate_issuance"
    url_prefix = "certificates/issue"
    icon = "upload"
    menu_label = _("Issue for a run")

    def get_urlpatterns(self):
        return [
            path("", views.run_index, name="index"),
            path("run/<uuid:run_id>/", views.run_detail, name="run"),
            path("run/<uuid:run_id>/zip/", views.run_zip, name="zip"),
            path("<uuid:public_id>/revoke/", views.revoke, name="revoke"),
            path("<uuid:public_id>/reissue/", views.reissue, name="reissue"),
        ]

    def is_shown(self, request):
        return is_centre_staff(request.user)


class CertificatesGroup(ViewSetGroup):
    menu_label = _("Certificates")
    menu_icon = "doc-full"
    menu_order = 300
    items = (CertificateViewSet, IssuanceViewSet, CertificateTemplateViewSet)

"""Certificates in the Wagtail admin: templates (with PDF preview), certificates, issuance."""

from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from training_site.admin_panels import NameColumn

from . import admin_views
from .choices import CertificateStatus
from .models import Certificate, CertificateTemplate


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_label = _("Templates")
    list_display = ["name", "printed_languages", "version", "updated_at"]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Certificates are made by services, never added, edited or deleted in forms."""

    FORBIDDEN = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.FORBIDDEN and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, set(actions) - self.FORBIDDEN)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.FORBIDDEN)


register_permission_policy(Certificate, ReadOnlyPermissionPolicy(Certificate))


class ActionsColumn(Column):
    def get_value(self, instance):
        links = [(instance.download_path(), _("PDF"))]
        if instance.status == CertificateStatus.VALID:
            links += [
                (
                    reverse("certificate_issuance:reissue", args=[instance.public_id]),
                    _("Re-issue"),
                ),
                (reverse("certificate_issuance:revoke", args=[instance.public_id]), _("Revoke")),
            ]
        return format_html_join(" · ", '<a href="{}">{}</a>', links)


class RunColumn(Column):
    def get_value(self, instance):
        run = instance.enrollment.run
        return format_html(
            '<a href="{}">{}</a>',
            reverse("certificate_issuance:run", args=[run.public_id]),
            f"{run.course.title} ({run.start_date:%Y-%m-%d})",
        )


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
            path("", admin_views.run_index, name="index"),
            path("run/<uuid:run_id>/", admin_views.run_detail, name="run"),
            path("run/<uuid:run_id>/zip/", admin_views.run_zip, name="zip"),
            path("<uuid:public_id>/revoke/", admin_views.revoke, name="revoke"),
            path("<uuid:public_id>/reissue/", admin_views.reissue, name="reissue"),
        ]

    def is_shown(self, request):
        from training_site.core.roles import is_centre_staff

        return is_centre_staff(request.user)


class CertificatesGroup(ViewSetGroup):
    menu_label = _("Certificates")
    menu_icon = "doc-full"
    menu_order = 300
    items = (CertificateViewSet, IssuanceViewSet, CertificateTemplateViewSet)


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificatesGroup()

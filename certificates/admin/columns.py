"""Columns of the certificate listing: the run (to its issuance page) and the acts on a certificate."""

from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column

from ..choices import CertificateStatus


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

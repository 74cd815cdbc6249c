"""Registration only: the certificates menu (certificates/admin/viewsets.py) and the policy that
keeps certificates read-only in the admin (certificates/admin/permissions.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin.permissions import ReadOnlyPermissionPolicy
from .admin.viewsets import CertificatesGroup
from .models import Certificate

register_permission_policy(Certificate, ReadOnlyPermissionPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificatesGroup()

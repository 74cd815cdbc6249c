"""Registration only: the certificates menu (certificates/admin/viewsets.py) and the policy that
keeps certificates read-only in the admin (certificates/admin/policies.py)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin.policies import certificate_policy
from .admin.viewsets import CertificatesGroup
from .models import Certificate

register_permission_policy(Certificate, certificate_policy)


@hooks.register("register_admin_viewset")
def register_certificates():
    return CertificatesGroup()

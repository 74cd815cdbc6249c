"""Who may do what in the admin with certificates: they change only through their workflows."""

from training_site.admin.policies import ThroughServicesPolicy

from ..models import Certificate

# Never added, edited or deleted in forms; the issuance screens (certificates/admin/views.py)
# ask for the change permission through the services.
certificate_policy = ThroughServicesPolicy(Certificate)

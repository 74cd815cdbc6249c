"""Who may do what with study-visit requests in the admin."""

from training_site.admin.policies import ThroughServicesPolicy
from training_site.visits.models import VisitRequest

# Requests come from the public form only; staff follow them up, edit and delete them.
visit_request_policy = ThroughServicesPolicy(VisitRequest, refused=("add",))

"""Certificate workflows: issue, re-issue, revoke, bulk issue. Views, admin views, tasks and the
demo call these; queuing tasks is theirs (certificates.tasks), never a service's.
"""

from .bulk import prepare_bulk_issue, process_bulk_item
from .issuance import issue_certificate, reissue
from .revocation import revoke

__all__ = [
    "issue_certificate",
    "prepare_bulk_issue",
    "process_bulk_item",
    "reissue",
    "revoke",
]

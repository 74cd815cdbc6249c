"""Who may download a certificate's PDF: the holder, centre staff, and registered extra rules.

Extension point: the nominations area registers a rule for the focal point who nominated the
holder, e.g. in its AppConfig.ready():

    from certificates.permissions import register_download_rule
    register_download_rule(lambda user, certificate: nominated_by(user, certificate.enrollment))
"""

from collections.abc import Callable

from training_site.roles import is_centre_staff

DownloadRule = Callable[[object, object], bool]
_download_rules: list[DownloadRule] = []


def register_download_rule(rule: DownloadRule) -> DownloadRule:
    """Add a rule `rule(user, certificate) -> bool` granting download of valid certificates."""
    if rule not in _download_rules:
        _download_rules.append(rule)
    return rule


def can_download(user, certificate) -> bool:
    """Staff: any certificate. Holder and registered rules (nominating focal point): valid ones."""
    if user is None or not user.is_authenticated:
        return False
    if is_centre_staff(user):
        return True
    if not certificate.is_valid:
        return False
    if certificate.enrollment.user_id == user.pk:
        return True
    return any(rule(user, certificate) for rule in _download_rules)

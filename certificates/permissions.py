"""Who may download a certificate's PDF: the holder, centre staff, the nominating focal point.

Further rules may be added with `register_download_rule`.
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
    if nominated_holder(user, certificate):
        return True
    return any(rule(user, certificate) for rule in _download_rules)


def nominated_holder(user, certificate) -> bool:
    """The focal point who nominated the holder for this run."""
    from courses.models import Nomination

    return Nomination.objects.filter(
        enrollment_id=certificate.enrollment_id, nominated_by=user
    ).exists()

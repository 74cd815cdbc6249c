"""Who may download a certificate's PDF: the holder, centre staff, the nominating focal point."""

from training_site.core.roles import is_centre_staff


def can_download(user, certificate) -> bool:
    """Staff: any certificate. Holder and nominating focal point: valid ones."""
    if user is None or not user.is_authenticated:
        return False
    if is_centre_staff(user):
        return True
    if not certificate.is_valid:
        return False
    if certificate.enrollment.user_id == user.pk:
        return True
    return nominated_holder(user, certificate)


def nominated_holder(user, certificate) -> bool:
    """The focal point who nominated the holder for this run."""
    from courses.models import Nomination

    return Nomination.objects.filter(
        enrollment_id=certificate.enrollment_id, nominated_by=user
    ).exists()

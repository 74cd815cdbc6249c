"""Certificate domain errors; views turn them into a clear message in the user's language."""

from django.utils.translation import gettext_lazy as _

from courses.exceptions import CourseError


class CertificateDeletionRefused(Exception):
    """Certificates are never deleted: revoke or re-issue instead (a guard for code, not users)."""


class CertificateError(CourseError):
    default_message = _("This certificate action is not possible.")


class NotCompleted(CertificateError):
    """Certificates are issued only for completed enrollments."""

    default_message = _("A certificate can be issued only for a completed enrollment.")


class NoTemplate(CertificateError):
    """The run names no certificate template."""

    default_message = _("This course run has no certificate template.")


class NotCurrent(CertificateError):
    """The act needs the current (valid) certificate."""

    default_message = _("Only a valid certificate can be revoked or re-issued.")


class ReasonRequired(CertificateError):
    """Revoking and re-issuing are recorded with the reason."""

    default_message = _("Please give a reason.")

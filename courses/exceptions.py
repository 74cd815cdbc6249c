"""Domain errors. Each carries a message for the user, in their language (lazy translation)."""

from django.utils.translation import gettext_lazy as _


class CourseError(Exception):
    """Base class: a rule refused the action. `message` is shown to the user."""

    default_message = _("This action is not possible.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class EnrollmentClosed(CourseError):
    default_message = _("Enrollment for this run is closed.")


class RunCancelled(CourseError):
    default_message = _("This run has been cancelled.")


class RunFull(CourseError):
    default_message = _("There are no seats left on this run.")


class NotEligible(CourseError):
    default_message = _("This run is open by nomination or invitation only.")


class ProfileIncomplete(CourseError):
    default_message = _("Complete your profile before you apply.")


class AlreadyApplied(CourseError):
    default_message = _("You have already applied to this run.")


class InvalidTransition(CourseError):
    default_message = _("This change of status is not allowed.")


class QuotaExceeded(CourseError):
    default_message = _("The seats for this country on this run are all taken.")

"""Domain errors. Each carries a message for the user, in their language (lazy translation)."""

from django.utils.translation import gettext_lazy as _


class CourseError(Exception):
    """Base class: a rule refused the action. `message` is shown to the user."""

    default_message = _("This action is not possible.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))

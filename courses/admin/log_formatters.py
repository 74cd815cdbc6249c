"""The audit log's words for role, assignment and focal-point changes."""

from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import LogFormatter

from training_site.admin.log_formatters import person_label


class AssignInstructorFormatter(LogFormatter):
    label = _("Assign instructor")

    def format_message(self, log_entry):
        return _("Instructor assigned: %(person)s") % {
            "person": person_label(log_entry, "instructor")
        }


class RemoveInstructorFormatter(LogFormatter):
    label = _("Remove instructor")

    def format_message(self, log_entry):
        return _("Instructor removed: %(person)s") % {
            "person": person_label(log_entry, "instructor")
        }


class AppointFocalPointFormatter(LogFormatter):
    label = _("Appoint focal point")

    def format_message(self, log_entry):
        return _("Focal point appointed: %(person)s, for %(country)s") % {
            "person": person_label(log_entry, "person"),
            "country": log_entry.data.get("country", ""),
        }


class RemoveFocalPointFormatter(LogFormatter):
    label = _("End focal point appointment")

    def format_message(self, log_entry):
        return _("Focal point appointment ended: %(person)s, for %(country)s") % {
            "person": person_label(log_entry, "person"),
            "country": log_entry.data.get("country", ""),
        }

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeliveryMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class CourseLevel(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


class InstructionLanguage(models.TextChoices):
    ARABIC = "ar", _("Arabic")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")


class AdmissionPolicy(models.TextChoices):
    OPEN = "open", _("Open: first come, first served")
    APPROVAL = "approval", _("Approval by the centre")
    INVITATION = "invitation", _("By nomination or invitation only")


class RunStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    RUNNING = "running", _("Running")
    FINISHED = "finished", _("Finished")
    CANCELLED = "cancelled", _("Cancelled")


class EnrollmentStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting decision")
    INVITED = "invited", _("Invited")
    ENROLLED = "enrolled", _("Enrolled")
    WAITLISTED = "waitlisted", _("On the waiting list")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    COMPLETED = "completed", _("Completed")
    NOT_COMPLETED = "not_completed", _("Not completed")


# Statuses that hold a seat on the run.
SEAT_HOLDING_STATUSES = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED)
# Statuses of a live application or place (not ended).
ACTIVE_STATUSES = (
    EnrollmentStatus.PENDING,
    EnrollmentStatus.INVITED,
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.WAITLISTED,
)


class OrganisationType(models.TextChoices):
    POLICE = "police", _("Police")
    PROSECUTION = "prosecution", _("Prosecution")
    JUDICIARY = "judiciary", _("Judiciary")
    LABOUR_INSPECTION = "labour_inspection", _("Labour inspection")
    SOCIAL_SERVICES = "social_services", _("Social services")
    NGO = "ngo", _("Non-governmental organisation")
    INTERNATIONAL = "international", _("International organisation")
    OTHER = "other", _("Other")


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class LetterStatus(models.TextChoices):
    """What an invitation letter's check page says about it now."""

    VALID = "valid", _("Valid")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    NO_PLACE = "no_place", _("No longer admitted")
    RUN_CANCELLED = "run_cancelled", _("Course run cancelled")
    RESCHEDULED = "rescheduled", _("Course run rescheduled")


class NominationStatus(models.TextChoices):
    SENT = "sent", _("Invitation sent")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")
    CANCELLED = "cancelled", _("Cancelled")


# --- learning: assessments and attendance ----------------------------------------------------


class AssessmentKind(models.TextChoices):
    PRE_TEST = "pre", _("Pre-test")
    POST_TEST = "post", _("Post-test")


class AttendanceStatus(models.TextChoices):
    PRESENT = "present", _("Present")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


# Statuses that give access to a course's lessons and tests.
LEARNING_STATUSES = (EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED)
# Statuses listed on a run's roll call.
ROLL_CALL_STATUSES = (
    EnrollmentStatus.ENROLLED,
    EnrollmentStatus.COMPLETED,
    EnrollmentStatus.NOT_COMPLETED,
)

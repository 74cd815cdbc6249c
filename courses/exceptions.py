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


# --- nominations and invitations ---------------------------------------------------------------


class NominationsClosed(CourseError):
    default_message = _("This run no longer takes nominations.")


class AlreadyNominated(CourseError):
    default_message = _("This person is already nominated, invited or enrolled on this run.")


class NominationImportRefused(CourseError):
    """A CSV import found errors: nothing was imported. `errors` lists them by row."""

    default_message = _("The file has errors: nothing was imported.")

    def __init__(self, errors, message=None):
        self.errors = list(errors)
        super().__init__(message)


class LinkInvalid(CourseError):
    default_message = _(
        "This invitation link is not valid. Check that you copied it whole from the e-mail."
    )


class LinkExpired(CourseError):
    default_message = _(
        "This invitation link has expired. Ask the person who nominated you to send a new one."
    )


class NominationAnswered(CourseError):
    default_message = _("This invitation has already been answered.")


class EmailMismatch(CourseError):
    default_message = _(
        "This invitation was sent to another e-mail address. Sign in with the address that "
        "received it, or add that address to your account and confirm it."
    )


class LetterNotAvailable(CourseError):
    default_message = _(
        "An invitation letter is only issued for a confirmed place on an in-person run."
    )


# --- roles: instructors and focal points -------------------------------------------------------


class OnlyStaff(CourseError):
    default_message = _("Only centre staff can give or take back this role.")


class NotAnInstructor(CourseError):
    default_message = _(
        "This account does not have the instructor role. Give it the role first "
        "(Roles in the admin menu)."
    )


# --- learning: lessons and tests ---------------------------------------------------------------


class NotOnRun(CourseError):
    default_message = _("You need a place on a run of this course to do this.")


class AttemptLimitReached(CourseError):
    default_message = _("You have used all the attempts allowed for this test.")


class AlreadyPassed(CourseError):
    default_message = _("You have already passed this test.")


class AlreadySubmitted(CourseError):
    default_message = _("This attempt was already submitted. Your first submission counts.")


class TamperedAnswers(CourseError):
    default_message = _("Your answers do not match the questions of this test. Nothing was saved.")


# --- marks: attendance and completion decisions --------------------------------------------------


class SessionNotStarted(CourseError):
    default_message = _(
        "This session has not started yet: its roll call opens when it begins. Nothing was saved."
    )


class NotTheirRun(CourseError):
    default_message = _("Only this run's instructors and centre staff can record its attendance.")


class OwnEnrollment(CourseError):
    default_message = _(
        "You cannot record anything about your own place on a run: another instructor or "
        "centre staff will. Nothing was saved."
    )


class OnlyStaffOverride(CourseError):
    default_message = _("Only centre staff can decide completion against the rules.")


class RunNotStarted(CourseError):
    default_message = _("This run has not started yet: completion is decided once it has begun.")


class NotOnRoll(CourseError):
    default_message = _("Attendance can only be recorded for trainees with a place on this run.")


class InvalidAttendance(CourseError):
    default_message = _("Choose present, absent or excused for each trainee.")


class ReasonRequired(CourseError):
    default_message = _("Give a reason for the override: it is kept in the enrollment's history.")


class OverrideNotPossible(CourseError):
    default_message = _("Completion can only be decided for trainees who have a place on the run.")

from .catalogue import CourseIndexPage, CoursePage, Topic
from .enrollment import Enrollment, EnrollmentStatusChange, TraineeProfile
from .impact import ImpactPage
from .learning import AssessmentPage, Attempt, Attendance, LessonPage, LessonProgress
from .nominations import FocalPoint, InvitationLetter, Nomination
from .privacy import AccountDeletionRequest
from .runs import CourseRun, Session

__all__ = [
    "AccountDeletionRequest",
    "AssessmentPage",
    "Attempt",
    "Attendance",
    "CourseIndexPage",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentStatusChange",
    "FocalPoint",
    "ImpactPage",
    "InvitationLetter",
    "LessonPage",
    "LessonProgress",
    "Nomination",
    "Session",
    "Topic",
    "TraineeProfile",
]

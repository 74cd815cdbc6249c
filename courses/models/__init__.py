from .catalogue import CourseIndexPage, CoursePage, CourseRun, Session, Topic
from .enrollment import Enrollment, EnrollmentStatusChange, TraineeProfile
from .impact import ImpactPage
from .nominations import FocalPoint, InvitationLetter, Nomination

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentStatusChange",
    "FocalPoint",
    "ImpactPage",
    "InvitationLetter",
    "Nomination",
    "Session",
    "Topic",
    "TraineeProfile",
]

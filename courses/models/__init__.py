from .catalogue import CourseIndexPage, CoursePage, CourseRun, Session, Topic
from .enrollment import Enrollment, EnrollmentStatusChange, TraineeProfile
from .privacy import AccountDeletionRequest

__all__ = [
    "AccountDeletionRequest",
    "CourseIndexPage",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentStatusChange",
    "Session",
    "Topic",
    "TraineeProfile",
]

from .catalogue import CourseIndexPage, CoursePage, CourseRun, Session, Topic
from .enrollment import Enrollment, EnrollmentStatusChange, TraineeProfile

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentStatusChange",
    "Session",
    "Topic",
    "TraineeProfile",
]

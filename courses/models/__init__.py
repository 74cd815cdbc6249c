from .catalogue import CourseIndexPage, CoursePage, CourseRun, Session, Topic
from .enrollment import Enrollment, EnrollmentStatusChange, TraineeProfile
from .impact import ImpactPage

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentStatusChange",
    "ImpactPage",
    "Session",
    "Topic",
    "TraineeProfile",
]

from .catalogue import CourseIndexPage, CourseInstructor, CoursePage, InstructorAssignment
from .enrollment import Enrollment, EnrollmentStatusChange, TraineeProfile
from .impact import ImpactPage
from .learning import (
    AssessmentPage,
    Attempt,
    Attendance,
    AttendanceChange,
    LessonPage,
    LessonProgress,
)
from .nominations import FocalPoint, InvitationLetter, Nomination
from .privacy import AccountDeletionRequest
from .runs import CourseRun, Session
from .topics import Topic

__all__ = [
    "AccountDeletionRequest",
    "AssessmentPage",
    "Attempt",
    "Attendance",
    "AttendanceChange",
    "CourseIndexPage",
    "CourseInstructor",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentStatusChange",
    "FocalPoint",
    "ImpactPage",
    "InstructorAssignment",
    "InvitationLetter",
    "LessonPage",
    "LessonProgress",
    "Nomination",
    "Session",
    "Topic",
    "TraineeProfile",
]

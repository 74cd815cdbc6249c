from .catalogue import CourseIndexPage, CoursePage, CourseRun, Session, Topic
from .enrollment import Enrollment, EnrollmentStatusChange, TraineeProfile
from .learning import AssessmentPage, Attempt, Attendance, LessonPage, LessonProgress

__all__ = [
    "AssessmentPage",
    "Attempt",
    "Attendance",
    "CourseIndexPage",
    "CoursePage",
    "CourseRun",
    "Enrollment",
    "EnrollmentStatusChange",
    "LessonPage",
    "LessonProgress",
    "Session",
    "Topic",
    "TraineeProfile",
]

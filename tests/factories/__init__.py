"""Factories for every model the tests build, one module per area, with traits for the states
a workflow leaves (`EnrollmentFactory(completed=True)`, `CertificateFactory(revoked=True)`).

`from tests import factories` and `from tests.factories import X` keep working: everything is
re-exported here. Audit rows (status histories, certificate events, serial counters) have no
factory on purpose: only the services write them, and a test that needs one runs the service.
Roles too come from the services: `make_instructor`, `InstructorAssignmentFactory`, and the
`focal_point` fixture (`appoint_focal_point`)."""

from .accounts import (
    DEFAULT_PASSWORD,
    TOTP_SECRET,
    AccountDeletionRequestFactory,
    StaffFactory,
    SuperuserFactory,
    TOTPAuthenticatorFactory,
    UserFactory,
)
from .catalogue import (
    CourseIndexPageFactory,
    CourseInstructorFactory,
    CoursePageFactory,
    CourseRunFactory,
    ImpactPageFactory,
    InstructorAssignmentFactory,
    SessionFactory,
    TopicFactory,
    make_instructor,
    translate_topic,
)
from .certificates import (
    BulkIssueFactory,
    BulkIssueItemFactory,
    CertificateFactory,
    CertificateTemplateFactory,
)
from .enrollment import (
    CompletedEnrollmentFactory,
    EnrollmentFactory,
    TraineeFactory,
    TraineeProfileFactory,
)
from .learning import (
    SAMPLE_QUESTIONS,
    AssessmentPageFactory,
    AttemptFactory,
    AttendanceFactory,
    LessonPageFactory,
    LessonProgressFactory,
    question_data,
)
from .nominations import FocalPointFactory, InvitationLetterFactory, NominationFactory
from .site import (
    DocumentFactory,
    PartnerLogoFactory,
    StandardPageFactory,
    home_pages,
    locale,
    translate_page,
)
from .visits import (
    StudyVisitIndexPageFactory,
    StudyVisitStoryPageFactory,
    VisitProgrammePageFactory,
    VisitRequestFactory,
    VisitRequestNoteFactory,
)

__all__ = [
    "DEFAULT_PASSWORD",
    "SAMPLE_QUESTIONS",
    "TOTP_SECRET",
    "AccountDeletionRequestFactory",
    "AssessmentPageFactory",
    "AttemptFactory",
    "AttendanceFactory",
    "BulkIssueFactory",
    "BulkIssueItemFactory",
    "CertificateFactory",
    "CertificateTemplateFactory",
    "CompletedEnrollmentFactory",
    "CourseIndexPageFactory",
    "CourseInstructorFactory",
    "CoursePageFactory",
    "CourseRunFactory",
    "DocumentFactory",
    "EnrollmentFactory",
    "FocalPointFactory",
    "ImpactPageFactory",
    "InstructorAssignmentFactory",
    "InvitationLetterFactory",
    "LessonPageFactory",
    "LessonProgressFactory",
    "NominationFactory",
    "PartnerLogoFactory",
    "SessionFactory",
    "StaffFactory",
    "StandardPageFactory",
    "StudyVisitIndexPageFactory",
    "StudyVisitStoryPageFactory",
    "SuperuserFactory",
    "TOTPAuthenticatorFactory",
    "TopicFactory",
    "TraineeFactory",
    "TraineeProfileFactory",
    "UserFactory",
    "VisitProgrammePageFactory",
    "VisitRequestFactory",
    "VisitRequestNoteFactory",
    "home_pages",
    "locale",
    "make_instructor",
    "question_data",
    "translate_page",
    "translate_topic",
]

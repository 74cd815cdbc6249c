"""Instructors: staff give the role, assign role holders to courses, and take both back.

Rights follow the assignments: one group per course gets editing rights on the course's pages
(every translation) and its members are the users assigned to it. Every assignment and
removal is recorded in Wagtail's audit log, on the course page (site history shows who, when,
whom and which course).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from training_site.core.roles import COURSE_GROUP_PREFIX, ensure_groups
from training_site.models.roles import Role
from training_site.services.roles import grant_role, require_staff, revoke_role

from ..exceptions import NotAnInstructor, OnlyStaff
from ..models import CoursePage, CourseRun, InstructorAssignment

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)

ASSIGN_ACTION = "courses.assign_instructor"
REMOVE_ACTION = "courses.remove_instructor"


def course_group_name(course: CoursePage) -> str:
    return f"{COURSE_GROUP_PREFIX}{course.translation_key}"


def assignments_of(course: CoursePage):
    """The assignments to `course`, whichever translation of the page they were made on."""
    return InstructorAssignment.objects.filter(course__translation_key=course.translation_key)


def _instructor_data(user) -> dict:
    """Whom an assignment names, in the course page's history: the course's other instructors
    read it too, so the name only (the e-mail when there is no name)."""
    return {"instructor": {"id": user.pk, "label": user.get_full_name().strip() or user.email}}


def grant_instructor_role(*, user, by):
    """Staff make `user` an instructor: only then can they be assigned to a course."""
    require_staff(by, OnlyStaff)
    return grant_role(user=user, role=Role.INSTRUCTOR, by=by)


def revoke_instructor_role(*, user, by) -> bool:
    """Take the role back, and with it every course assignment (each one logged)."""
    require_staff(by, OnlyStaff)
    with transaction.atomic():
        for assignment in InstructorAssignment.objects.filter(user=user).select_related("course"):
            remove_instructor(course=assignment.course, user=user, by=by)
        return revoke_role(user=user, role=Role.INSTRUCTOR, by=by)


def assign_instructor(*, course: CoursePage, user, by) -> InstructorAssignment:
    """Staff assign an instructor (a holder of the role) to a course. Idempotent."""
    require_staff(by, OnlyStaff)
    if not user.role_grants.filter(role=Role.INSTRUCTOR).exists():
        raise NotAnInstructor()
    with transaction.atomic():
        existing = assignments_of(course).filter(user=user).first()
        if existing is not None:
            return existing
        assignment = InstructorAssignment.objects.create(course=course, user=user, assigned_by=by)
        log(instance=course, action=ASSIGN_ACTION, user=by, data=_instructor_data(user))
        sync_instructor_permissions(course=course)
    return assignment


def remove_instructor(*, course: CoursePage, user, by) -> bool:
    """Staff end an assignment; the rights it gave go at once. True when there was one."""
    require_staff(by, OnlyStaff)
    with transaction.atomic():
        removed, _counts = assignments_of(course).filter(user=user).delete()
        if removed:
            log(instance=course, action=REMOVE_ACTION, user=by, data=_instructor_data(user))
        sync_instructor_permissions(course=course)
    return bool(removed)


def sync_instructor_permissions(*, course: CoursePage) -> Group:
    """One group per course: its members are the users assigned to any translation of the
    course; it may add, edit and publish the course's pages (lessons, tests) in every
    language and add images and documents. Removing an assignment removes the rights."""
    with transaction.atomic():
        pages = list(CoursePage.objects.filter(translation_key=course.translation_key))
        users = set(assignments_of(course).values_list("user_id", flat=True))
        group, _ = Group.objects.get_or_create(name=course_group_name(course))
        group.user_set.set(users)
        ensure_groups()
        permissions = list(
            Permission.objects.filter(
                content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
            )
        )
        for page in pages:
            for permission in permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
        root = Collection.get_first_root_node()
        if root is not None:
            for app_label, codename in COLLECTION_PERMISSIONS:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )
    return group


def taught_course_keys(user):
    """The translation keys of the courses `user` is assigned to teach (a subquery)."""
    return InstructorAssignment.objects.filter(user=user).values("course__translation_key")


def teaches(user, course: CoursePage | None = None) -> bool:
    """Whether the user is assigned as an instructor of `course` (any translation), or of any
    course at all when `course` is None."""
    if not user.is_authenticated:
        return False
    assignments = InstructorAssignment.objects.filter(user=user)
    if course is not None:
        assignments = assignments.filter(course__translation_key=course.translation_key)
    return assignments.exists()


def runs_taught_by(user):
    return CourseRun.objects.filter(course__translation_key__in=taught_course_keys(user))

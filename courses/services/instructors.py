"""Instructors' rights, granted from a course's instructor assignments (never by hand)."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from training_site.roles import ensure_groups

from ..models import CoursePage, CourseRun
from ..models.catalogue import CourseInstructor

PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def course_group_name(course: CoursePage) -> str:
    return f"Course instructors {course.translation_key}"


def sync_instructor_permissions(*, course: CoursePage) -> Group:
    """One group per course: its members are the users assigned as instructors on any translation
    of the course; it may add, edit and publish the course's pages (lessons, tests) in every
    language and add images and documents. Removing an assignment removes the rights."""
    with transaction.atomic():
        pages = list(CoursePage.objects.filter(translation_key=course.translation_key))
        users = set(
            CourseInstructor.objects.filter(page__in=pages, user__isnull=False).values_list(
                "user_id", flat=True
            )
        )
        group, _ = Group.objects.get_or_create(name=course_group_name(course))
        group.user_set.set(users)
        instructors = ensure_groups()["instructors"]
        instructors.user_set.add(*users)  # access to the admin
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
    return CourseInstructor.objects.filter(user=user).values("page__translation_key")


def teaches(user, course: CoursePage | None = None) -> bool:
    """Whether the user is assigned as an instructor of `course` (any translation), or of any
    course at all when `course` is None."""
    if not user.is_authenticated:
        return False
    assignments = CourseInstructor.objects.filter(user=user)
    if course is not None:
        assignments = assignments.filter(page__translation_key=course.translation_key)
    return assignments.exists()


def runs_taught_by(user):
    return CourseRun.objects.filter(course__translation_key__in=taught_course_keys(user))

"""The platform's roles as Django groups, created idempotently (by migrations' callers and demo data)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, Q

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from allauth.mfa.models import Authenticator

STAFF_GROUP = "Centre staff"
INSTRUCTOR_GROUP = "Instructors"
FOCAL_POINT_GROUP = "Focal points"
# One group per course holds its instructors' page rights (courses.services.instructors).
COURSE_GROUP_PREFIX = "Course instructors "

# Model permissions staff hold on top of Wagtail's page permissions, by app label.
STAFF_APPS = (
    "training_site",
    "courses",
    "certificates",
    "wagtailimages",
    "wagtaildocs",
    "wagtail_localize",  # submit translations of pages and snippets (topics)
)


def ensure_groups() -> dict[str, Group]:
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    staff, _ = Group.objects.get_or_create(name=STAFF_GROUP)
    instructors, _ = Group.objects.get_or_create(name=INSTRUCTOR_GROUP)
    focal_points, _ = Group.objects.get_or_create(name=FOCAL_POINT_GROUP)
    staff.permissions.add(
        admin_access,
        *Permission.objects.filter(content_type__app_label__in=STAFF_APPS),
    )
    instructors.permissions.add(admin_access)
    focal_points.permissions.add(admin_access)  # their country's reports live in the admin
    _grant_site_editing(staff)
    return {"staff": staff, "instructors": instructors, "focal_points": focal_points}


def role_groups():
    """The groups that make a role: granted only by the role services, never by hand."""
    return Group.objects.filter(
        Q(name__in=(STAFF_GROUP, INSTRUCTOR_GROUP, FOCAL_POINT_GROUP))
        | Q(name__startswith=COURSE_GROUP_PREFIX)
    )


PAGE_CODENAMES = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
COLLECTION_CODENAMES = (
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
)


def _grant_site_editing(group: Group) -> None:
    """Staff edit every page of the site and its images and documents."""
    root = Page.get_first_root_node()
    if root is not None:
        for permission in Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_CODENAMES
        ):
            GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)
    collection = Collection.get_first_root_node()
    if collection is not None:
        for permission in Permission.objects.filter(codename__in=COLLECTION_CODENAMES):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


STAFF_ANSWER_ATTR = "_is_centre_staff"


def has_staff_role(user) -> bool:
    """Whether the account holds staff powers at all (superuser or staff group), whatever its
    second factor: services use it to refuse staff acts by anyone else. Views ask
    `is_centre_staff`, which also wants the second factor."""
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists()


def is_centre_staff(user) -> bool:
    """Superusers and members of the staff group hold staff powers on the front end, but only
    once they have two-factor authentication when the site requires it (REQUIRE_STAFF_MFA):
    until then they are treated like any other signed-in person.

    One query at most, and the answer is kept on the user object, which lives for one request.
    """
    if not user.is_authenticated:
        return False
    cached = getattr(user, STAFF_ANSWER_ATTR, None)
    if cached is None:
        cached = _staff_with_required_factor(user)
        setattr(user, STAFF_ANSWER_ATTR, cached)
    return cached


def _staff_with_required_factor(user) -> bool:
    if not settings.REQUIRE_STAFF_MFA:
        return user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists()
    mine = get_user_model().objects.filter(pk=user.pk)
    if not user.is_superuser:
        mine = mine.filter(groups__name=STAFF_GROUP)
    second_factor = Authenticator.objects.filter(
        user=user.pk, type__in=(Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
    )
    return mine.filter(Exists(second_factor)).exists()

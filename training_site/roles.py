"""The platform's roles as Django groups, created idempotently (by migrations' callers and demo data)."""

from django.contrib.auth.models import Group, Permission

STAFF_GROUP = "Centre staff"
INSTRUCTOR_GROUP = "Instructors"
FOCAL_POINT_GROUP = "Focal points"

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
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

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


def is_centre_staff(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists()

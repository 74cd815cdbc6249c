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
    return {"staff": staff, "instructors": instructors, "focal_points": focal_points}


def is_centre_staff(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=STAFF_GROUP).exists()

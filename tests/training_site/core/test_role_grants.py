"""Roles (staff, instructor, focal point, their groups) are granted only by staff, through
services that record who and when in Wagtail's audit log, and by nothing else in the code."""

import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.models import ModelLogEntry

import pytest

from courses.exceptions import OnlyStaff
from courses.models import FocalPoint
from courses.services.nominations import (
    APPOINT_FOCAL_POINT,
    REMOVE_FOCAL_POINT,
    appoint_focal_point,
    remove_focal_point,
)
from tests import factories
from training_site.core.roles import FOCAL_POINT_GROUP, INSTRUCTOR_GROUP, STAFF_GROUP
from training_site.models import Role, RoleGrant
from training_site.services.roles import (
    GRANT_ACTION,
    REVOKE_ACTION,
    NotStaff,
    grant_role,
    revoke_role,
)

pytestmark = pytest.mark.django_db


def entries(action):
    return ModelLogEntry.objects.filter(action=action).order_by("timestamp", "pk")


@pytest.mark.parametrize(
    ("role", "group"), [(Role.STAFF, STAFF_GROUP), (Role.INSTRUCTOR, INSTRUCTOR_GROUP)]
)
def test_a_grant_records_who_when_and_whom(mfa_staff_user, role, group):
    person = factories.UserFactory(first_name="Karim", last_name="Mansour")
    grant = grant_role(user=person, role=role, by=mfa_staff_user)
    assert (grant.granted_by, grant.role) == (mfa_staff_user, role)
    assert grant.granted_at is not None
    assert person.groups.filter(name=group).exists()
    entry = entries(GRANT_ACTION).get()
    assert (entry.user, entry.data["person"]["id"], entry.data["role"]) == (
        mfa_staff_user,
        person.pk,
        role,
    )
    grant_role(user=person, role=role, by=mfa_staff_user)  # already held: nothing new
    assert entries(GRANT_ACTION).count() == 1
    assert revoke_role(user=person, role=role, by=mfa_staff_user) is True
    assert not person.groups.filter(name=group).exists()
    assert not RoleGrant.objects.exists()
    assert entries(REVOKE_ACTION).get().user == mfa_staff_user


def test_nobody_but_staff_grants_a_role(course, mfa_user_factory):
    instructor = factories.make_instructor(course, mfa_user_factory())
    focal = appoint_focal_point(user=factories.UserFactory(), country="JO", by=None).user
    for by in (instructor, focal, factories.TraineeFactory()):
        with pytest.raises(NotStaff):
            grant_role(user=by, role=Role.STAFF, by=by)
        with pytest.raises(OnlyStaff):
            appoint_focal_point(user=by, country="EG", by=by)
    assert not RoleGrant.objects.filter(role=Role.STAFF).exists()
    assert not Group.objects.get(name=STAFF_GROUP).user_set.exists()


def test_focal_point_appointments_are_logged(mfa_staff_user):
    person = factories.UserFactory()
    focal_point = appoint_focal_point(user=person, country="JO", by=mfa_staff_user)
    appoint_focal_point(user=person, country="JO", by=mfa_staff_user)  # unchanged: not logged
    appoint_focal_point(user=person, country="EG", by=mfa_staff_user)
    logged = list(entries(APPOINT_FOCAL_POINT))
    assert [(e.user, e.data["country"]) for e in logged] == [
        (mfa_staff_user, "JO"),
        (mfa_staff_user, "EG"),
    ]
    assert all(e.data["person"]["id"] == person.pk for e in logged)
    remove_focal_point(focal_point=FocalPoint.objects.get(pk=focal_point.pk), by=mfa_staff_user)
    assert entries(REMOVE_FOCAL_POINT).get().user == mfa_staff_user
    assert not person.groups.filter(name=FOCAL_POINT_GROUP).exists()


def test_staff_grant_from_the_admin_and_site_history_shows_it(client, mfa_staff_user):
    person = factories.UserFactory(first_name="Claire", last_name="Dubois")
    client.force_login(mfa_staff_user)
    response = client.post("/admin/roles/new/", {"user": person.pk, "role": "instructor"})
    assert response.status_code == 302
    assert RoleGrant.objects.get(user=person).granted_by == mfa_staff_user
    history = client.get("/admin/reports/site-history/").content.decode()
    with translation.override("ar"):  # the admin's language here
        expected = gettext("Role granted: %(role)s, to %(person)s") % {
            "role": gettext("Instructor"),
            "person": f"Claire Dubois <{person.email}>",
        }
    assert escape(expected) in history


def test_changing_a_focal_points_person_in_the_admin_logs_both(client, mfa_staff_user):
    old, new = factories.UserFactory(), factories.UserFactory()
    focal_point = appoint_focal_point(user=old, country="JO", by=mfa_staff_user)
    client.force_login(mfa_staff_user)
    response = client.post(
        f"/admin/focal-points/edit/{focal_point.pk}/", {"user": new.pk, "country": "JO"}
    )
    assert response.status_code == 302
    assert FocalPoint.objects.get().user == new
    assert not old.groups.filter(name=FOCAL_POINT_GROUP).exists()
    assert entries(REMOVE_FOCAL_POINT).get().data["person"]["id"] == old.pk
    assert entries(APPOINT_FOCAL_POINT).last().data["person"]["id"] == new.pk


# --- Wagtail's own user admin (superusers) offers no role group ---------------------------------


def test_wagtails_user_forms_leave_the_role_groups_to_the_services(
    client, course, mfa_user_factory
):
    superuser = mfa_user_factory(is_staff=True, is_superuser=True)
    factories.make_instructor(course)  # creates the course's group too
    editors = Group.objects.create(name="Editors of the news")
    member = factories.UserFactory()
    grant_role(user=member, role=Role.STAFF, by=None)
    client.force_login(superuser)
    role_group_names = {STAFF_GROUP, INSTRUCTOR_GROUP, FOCAL_POINT_GROUP}
    for url in (reverse("wagtailusers_users:add"), f"/admin/users/edit/{member.pk}/"):
        offered = {g.name for g in client.get(url).context["form"].fields["groups"].queryset}
        assert editors.name in offered
        assert not offered & role_group_names
        assert not any(name.startswith("Course instructors") for name in offered)
    bulk = client.get(f"/admin/bulk/auth/user/assign_role/?id={member.pk}")
    assert not {g.name for g in bulk.context["form"].fields["role"].queryset} & role_group_names
    # Saving the account's form keeps the role it was granted.
    data = {
        "username": member.username,
        "email": member.email,
        "first_name": "New",
        "last_name": "Name",
        "is_active": "on",
        "groups": [editors.pk],
    }
    assert client.post(f"/admin/users/edit/{member.pk}/", data).status_code == 302
    assert set(member.groups.values_list("name", flat=True)) == {STAFF_GROUP, editors.name}


# --- the class: nothing else in the code writes who holds a role ----------------------------------

# Writes to group memberships, group permissions, staff flags and the role models.
ROLE_WRITES = re.compile(
    r"\.(groups|user_set)\.(add|set|remove|clear)\("
    r"|\.(user_)?permissions\.(add|set)\("
    r"|\bis_(staff|superuser)\s*=(?!=)"
    r"|\b(RoleGrant|InstructorAssignment|FocalPoint|GroupPagePermission|GroupCollectionPermission)"
    r"\.objects\.(create|get_or_create|update_or_create|bulk_create)\("
)
# The services that grant and withdraw roles, and what each other writer does.
ALLOWED = {
    "training_site/services/roles.py": "grant_role / revoke_role (logged)",
    "training_site/core/roles.py": "the role groups' own permissions, not anyone's membership",
    "courses/services/instructors.py": "assignments (logged) and the per-course group they make",
    "courses/services/nominations.py": "appoint_focal_point / remove_focal_point (logged)",
    "training_site/admin/users.py": "keeps the role groups an account holds when Wagtail saves it",
}


def test_roles_are_written_only_by_the_role_services():
    root = Path(settings.BASE_DIR)
    offenders = []
    for app in ("training_site", "courses", "certificates"):
        for path in (root / app).rglob("*.py"):
            relative = path.relative_to(root).as_posix()
            if "/migrations/" in relative or relative in ALLOWED:
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if ROLE_WRITES.search(line):
                    offenders.append(f"{relative}:{number}: {line.strip()}")
    assert not offenders, f"roles granted outside the role services: {offenders}"
    assert all((root / path).exists() for path in ALLOWED), "stale ALLOWED entries"


def test_the_scan_sees_a_grant_by_hand():
    assert ROLE_WRITES.search("user.groups.add(ensure_groups()['staff'])")
    assert ROLE_WRITES.search("user.is_superuser = True")
    assert ROLE_WRITES.search("FocalPoint.objects.create(user=u, country='JO')")
    assert not ROLE_WRITES.search("if user.is_staff == flag:")


def test_grants_made_by_the_services_leave_no_holder_without_a_record(
    course, mfa_staff_user, role_holders_without_a_record
):
    factories.make_instructor(course)
    grant_role(user=factories.UserFactory(), role=Role.STAFF, by=mfa_staff_user)
    appoint_focal_point(user=factories.UserFactory(), country="JO", by=mfa_staff_user)
    # Only the staff factory's account, put in the group by hand, has no record.
    assert role_holders_without_a_record() == [f"{mfa_staff_user.email}: staff"]

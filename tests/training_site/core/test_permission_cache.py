"""The permission cache never outlives a change of groups or permissions."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def fresh(user):
    return get_user_model().objects.get(pk=user.pk)


def test_a_users_permissions_are_read_once_then_served_from_the_cache(
    django_assert_num_queries,
):
    user = factories.UserFactory()
    assert not fresh(user).has_perm("wagtailadmin.access_admin")
    again = fresh(user)
    with django_assert_num_queries(0):
        assert not again.has_perm("wagtailadmin.access_admin")


def test_joining_and_leaving_a_group_changes_the_answer_at_once():
    user = factories.UserFactory()
    group = Group.objects.create(name="Reviewers of the cache test")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    assert not fresh(user).has_perm("wagtailadmin.access_admin")
    user.groups.add(group)
    assert fresh(user).has_perm("wagtailadmin.access_admin")
    user.groups.remove(group)
    assert not fresh(user).has_perm("wagtailadmin.access_admin")


def test_changing_a_groups_permissions_changes_its_members_answer():
    user = factories.UserFactory()
    group = Group.objects.create(name="Reviewers of the cache test")
    user.groups.add(group)
    assert not fresh(user).has_perm("wagtailadmin.access_admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    assert fresh(user).has_perm("wagtailadmin.access_admin")


def test_superuser_and_active_flags_are_never_stale():
    user = factories.UserFactory()
    assert not fresh(user).has_perm("wagtailadmin.access_admin")
    user.is_superuser = True
    user.save()
    assert fresh(user).has_perm("wagtailadmin.access_admin")
    user.is_active = False
    user.save()
    assert not fresh(user).has_perm("wagtailadmin.access_admin")

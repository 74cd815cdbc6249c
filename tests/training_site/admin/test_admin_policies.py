"""The one policy of models that change through services: the generic admin actions it refuses
are refused to everybody, a superuser included; the others follow the Django permissions."""

import pytest

from courses.models import AccountDeletionRequest, Enrollment
from tests import factories
from training_site.admin.policies import ThroughServicesPolicy

pytestmark = pytest.mark.django_db


def test_refused_actions_are_refused_even_to_a_superuser():
    policy = ThroughServicesPolicy(Enrollment)
    superuser = factories.SuperuserFactory()
    for action in ("add", "change", "delete"):
        assert not policy.user_has_permission(superuser, action)
    assert policy.user_has_permission(superuser, "view")
    assert policy.user_has_any_permission(superuser, ["add", "view"])
    assert not policy.user_has_any_permission(superuser, ["add", "change", "delete"])
    assert superuser not in policy.users_with_any_permission(["add", "change", "delete"])


def test_the_other_actions_follow_the_users_permissions():
    policy = ThroughServicesPolicy(AccountDeletionRequest, refused=("add", "delete"))
    superuser, trainee = factories.SuperuserFactory(), factories.TraineeFactory()
    assert policy.user_has_permission(superuser, "change")
    assert not policy.user_has_permission(superuser, "add")
    assert not policy.user_has_permission(trainee, "change")
    assert superuser in policy.users_with_permission("change")
    assert trainee not in policy.users_with_permission("change")

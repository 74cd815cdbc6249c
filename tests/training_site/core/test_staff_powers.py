"""Staff powers on the front end need two-factor authentication when the site requires it."""

from django.contrib.auth import get_user_model

import pytest
from allauth.mfa.models import Authenticator

from tests import factories
from training_site.core.roles import is_centre_staff

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as the next request loads it (answers are kept on the object for one request)."""
    return get_user_model().objects.get(pk=user.pk)


def test_staff_without_two_factor_are_not_staff_on_the_front_end(staff_user, settings):
    settings.REQUIRE_STAFF_MFA = True
    assert not is_centre_staff(fresh(staff_user))
    Authenticator.objects.create(
        user=staff_user, type=Authenticator.Type.RECOVERY_CODES, data={"seed": "x"}
    )
    assert not is_centre_staff(fresh(staff_user)), "recovery codes alone are not a second factor"
    factories.TOTPAuthenticatorFactory(user=staff_user)
    assert is_centre_staff(fresh(staff_user))


def test_superusers_need_two_factor_too(settings):
    settings.REQUIRE_STAFF_MFA = True
    superuser = factories.SuperuserFactory()
    assert not is_centre_staff(fresh(superuser))
    factories.TOTPAuthenticatorFactory(user=superuser)
    assert is_centre_staff(fresh(superuser))


def test_without_the_requirement_the_group_is_enough(staff_user, settings):
    settings.REQUIRE_STAFF_MFA = False
    assert is_centre_staff(fresh(staff_user))


def test_other_people_are_never_staff(user, mfa_user_factory):
    from django.contrib.auth.models import AnonymousUser

    assert not is_centre_staff(AnonymousUser())
    assert not is_centre_staff(fresh(user))
    assert not is_centre_staff(fresh(mfa_user_factory()))


def test_one_query_per_request_however_often_asked(mfa_staff_user, django_assert_num_queries):
    user = fresh(mfa_staff_user)
    with django_assert_num_queries(1):
        assert all(is_centre_staff(user) for _ in range(5))

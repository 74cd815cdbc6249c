"""People: accounts with a verified e-mail, staff, superusers, two-factor devices."""

from django.contrib.auth import get_user_model
from django.utils import timezone

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from courses.models import AccountDeletionRequest
from training_site.core.roles import ensure_groups

DEFAULT_PASSWORD = "correct-Horse-battery-9"
TOTP_SECRET = "JBSWY3DPEHPK3PXP"


class TOTPAuthenticatorFactory(factory.django.DjangoModelFactory):
    """An authenticator app (TOTP) for `user`: the admin asks staff for a second factor."""

    class Meta:
        model = Authenticator

    user = factory.SubFactory("tests.factories.accounts.UserFactory")
    type = Authenticator.Type.TOTP
    data = factory.LazyFunction(lambda: {"secret": TOTP_SECRET})


class UserFactory(factory.django.DjangoModelFactory):
    """An account with a verified primary e-mail. `mfa=True`: with an authenticator app."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    class Params:
        mfa = factory.Trait(
            totp=factory.RelatedFactory(TOTPAuthenticatorFactory, factory_related_name="user")
        )

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    password = factory.PostGenerationMethodCall("set_password", DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            obj.save()
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class StaffFactory(UserFactory):
    """Centre staff: in the staff group, with Wagtail admin access."""

    is_staff = True

    @factory.post_generation
    def staff_group(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(ensure_groups()["staff"])


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class AccountDeletionRequestFactory(factory.django.DjangoModelFactory):
    """A trainee's request to delete their account, not handled yet. `handled=True`: done."""

    class Meta:
        model = AccountDeletionRequest

    class Params:
        handled = factory.Trait(handled_at=factory.LazyFunction(timezone.now))

    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda o: o.user.email)

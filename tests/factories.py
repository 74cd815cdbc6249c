"""Factories for every model the tests build. One file, grouped by app."""

from django.contrib.auth import get_user_model

from wagtail.models import Locale

import factory
from allauth.account.models import EmailAddress

DEFAULT_PASSWORD = "correct-Horse-battery-9"

# --- accounts -------------------------------------------------------------------------------


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

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
            from training_site.roles import ensure_groups

            obj.groups.add(ensure_groups()["staff"])


class SuperuserFactory(UserFactory):
    is_staff = True
    is_superuser = True


# --- wagtail ----------------------------------------------------------------------------------


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]

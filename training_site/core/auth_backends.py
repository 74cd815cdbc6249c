"""Django's model backend with each user's permission set kept in the shared cache.

Every page asks whether the visitor may use the admin (the Wagtail user bar), which costs Django
two queries per request. The set is cached per user under a permissions version that changes
whenever a group, a permission or anybody's group or permission list changes, on every server at
once (the table in training_site.core.caching.invalidation); a user's superuser flag is part of the key and `is_active` is always read from the user row.
"""

from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache

from training_site.core.caching.versions import Version

TIMEOUT = 60 * 15
PERMISSIONS = Version("permissions")


def bump_permissions_version(**_signal_kwargs) -> None:
    PERMISSIONS.bump()


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            key = PERMISSIONS.key(user_obj.pk, int(user_obj.is_superuser))
            permissions = cache.get(key)
            if permissions is None:
                permissions = super().get_all_permissions(user_obj)
                cache.set(key, permissions, TIMEOUT)
            user_obj._perm_cache = permissions
        return user_obj._perm_cache

"""Django's model backend with each user's permission set kept in the shared cache.

Every page asks whether the visitor may use the admin (the Wagtail user bar), which costs Django
two queries per request. The set is cached per user under a permissions version that changes
whenever a group, a permission or anybody's group or permission list changes, on every server at
once; a user's superuser flag is part of the key and `is_active` is always read from the user row.
"""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "permissions-version"
TIMEOUT = 60 * 15


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, None):
            version = cache.get(VERSION_KEY) or version
    return version


def bump_permissions_version(**kwargs) -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


class CachedPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            key = f"permissions:{_version()}:{user_obj.pk}:{int(user_obj.is_superuser)}"
            permissions = cache.get(key)
            if permissions is None:
                permissions = super().get_all_permissions(user_obj)
                cache.set(key, permissions, TIMEOUT)
            user_obj._perm_cache = permissions
        return user_obj._perm_cache


def connect_signals() -> None:
    user = get_user_model()
    for through in (user.groups.through, user.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(
            bump_permissions_version, sender=through, dispatch_uid=f"perm-m2m-{through.__name__}"
        )
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(
                bump_permissions_version,
                sender=model,
                dispatch_uid=f"perm-{signal is post_save}-{model.__name__}",
            )

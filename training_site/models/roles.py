"""Roles that staff grant to people, each with who granted it and when (see training_site/services/roles.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Role(models.TextChoices):
    """Roles held through a Django group. Focal points are appointed with their country instead
    (courses.FocalPoint); a course's instructors are assigned per course by staff."""

    STAFF = "staff", _("Centre staff")
    INSTRUCTOR = "instructor", _("Instructor")


class RoleGrant(models.Model):
    """`user` holds `role` since `granted_at`, granted by `granted_by` (empty: the platform
    itself, e.g. demo data). Written only by training_site.services.roles."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="role_grants",
    )
    role = models.CharField(pgettext_lazy("platform", "role"), max_length=20, choices=Role.choices)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("granted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    granted_at = models.DateTimeField(_("granted at"), auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("platform", "role")
        verbose_name_plural = _("roles")
        ordering = ["role", "user__last_name", "user__first_name", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="role_granted_once")]

    def __str__(self):
        return f"{self.get_role_display()}: {person_label(self.user)}"


def person_label(user) -> str:
    """How staff recognise an account in role lists: full name and e-mail, never the username."""
    name = user.get_full_name().strip()
    return f"{name} <{user.email}>" if name else user.email

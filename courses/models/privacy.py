"""A trainee's request to have their account deleted, for staff to act on."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccountDeletionRequest(models.Model):
    """Recorded when a trainee asks for deletion; staff erase or anonymise what may go.

    Issued certificates are never deleted (they stay verifiable), so deletion is a staff decision.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="deletion_requests",
    )
    email = models.EmailField(_("e-mail"))
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)

    class Meta:
        verbose_name = _("account deletion request")
        verbose_name_plural = _("account deletion requests")
        ordering = ["-requested_at"]

    def __str__(self):
        return self.email

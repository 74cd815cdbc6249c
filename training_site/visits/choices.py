"""The statuses and kinds of study visits."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class VisitRequestStatus(models.TextChoices):
    NEW = "new", _("New")
    UNDER_REVIEW = "under_review", _("Under review")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class VisitReplyKind(models.TextChoices):
    REPLY = "reply", _("Reply")
    PROGRAMME_LINK = "programme_link", _("Programme link")


class VisitItemKind(models.TextChoices):
    BILATERAL_MEETING = "bilateral_meeting", _("Bilateral meeting")
    PRESENTATION = "presentation", _("Presentation")
    FIELD_VISIT = "field_visit", _("Field visit")
    TRAINING_DEMONSTRATION = "training_demonstration", _("Training demonstration")
    OTHER = "other", _("Other")

"""The follow-up form of a study-visit request in the admin."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from training_site.core.text import TextLinesFormField
from training_site.visits.models import VisitRequest, VisitRequestStatus
from training_site.visits.services import programme_for


class VisitRequestFollowUpForm(WagtailAdminModelForm):
    """The request's status, plus what staff add to it: a note, a reply, the programme link."""

    note = TextLinesFormField(
        label=_("Add an internal note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Seen by staff only."),
    )
    reply = TextLinesFormField(
        label=_("Reply to the requester"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("E-mailed to the contact person in the language of the request, and kept."),
    )
    send_programme = forms.BooleanField(
        label=_("Send the private link to the visit programme"),
        required=False,
        help_text=_("The request must be confirmed and its programme page published."),
    )

    class Meta:
        model = VisitRequest
        fields = ["status"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("send_programme"):
            if cleaned.get("status") != VisitRequestStatus.CONFIRMED:
                self.add_error(
                    "send_programme", _("Only a confirmed visit can receive its programme.")
                )
            elif programme_for(self.instance) is None:
                self.add_error(
                    "send_programme",
                    _("There is no published programme page for this request yet."),
                )
        return cleaned

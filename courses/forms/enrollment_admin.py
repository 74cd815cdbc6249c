from django import forms
from django.utils.translation import gettext_lazy as _

from training_site.core.text import TextLinesFormField


class DeclineForm(forms.Form):
    reason = TextLinesFormField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("Sent to the applicant in the decline e-mail and kept in the history."),
    )

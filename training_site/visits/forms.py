"""The public study-visit request form: the browser checks what the server checks."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from django_countries import countries

from courses.models import Topic
from training_site.core.text import TextLineFormField, TextLinesFormField
from training_site.visits.models import MAX_DELEGATION_SIZE, MIN_DELEGATION_SIZE

HONEYPOT_FIELD = "website"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class VisitRequestForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Country"),
        choices=[],
        error_messages={"required": _("Choose the delegation's country.")},
    )
    institutions = TextLinesFormField(
        label=_("Institution(s)"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("The ministries, agencies or organisations the delegation comes from."),
        error_messages={"required": _("Name the institution or institutions.")},
    )
    contact_name = TextLineFormField(
        label=_("Contact person"),
        max_length=200,
        error_messages={"required": _("Give the name of a contact person.")},
    )
    contact_email = forms.EmailField(
        label=_("Contact e-mail"),
        max_length=254,
        error_messages={
            "required": _("Give an e-mail address where we can reply."),
            "invalid": _("Enter a valid e-mail address."),
        },
    )
    delegation_size = forms.IntegerField(
        label=_("Number of people in the delegation"),
        min_value=MIN_DELEGATION_SIZE,
        max_value=MAX_DELEGATION_SIZE,
        error_messages={
            "required": _("Give the number of people in the delegation."),
            "invalid": _("Enter a whole number."),
            "min_value": _("A delegation has at least one person."),
            "max_value": _(
                "We can receive at most %(limit_value)s people; for a larger group, "
                "write to us in the message."
            ),
        },
    )
    preferred_start = forms.DateField(
        label=_("Preferred start date"),
        widget=DateInput(),
        error_messages={
            "required": _("Give a preferred start date."),
            "invalid": _("Enter a valid date."),
        },
    )
    preferred_end = forms.DateField(
        label=_("Preferred end date"),
        widget=DateInput(),
        error_messages={
            "required": _("Give a preferred end date."),
            "invalid": _("Enter a valid date."),
        },
    )
    topics = forms.ModelMultipleChoiceField(
        label=_("Topics of interest"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages of the delegation"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    message = TextLinesFormField(
        label=_("Message"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What the delegation would like to learn, and anything we should know."),
    )
    # Honeypot: hidden from people, filled in by careless robots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names in the visitor's language, sorted for that language.
        self.fields["country"].choices = [("", "—"), *countries]
        self.fields["topics"].queryset = Topic.objects.filter(locale=_active_locale()).order_by(
            "name"
        )
        today = timezone.localdate().isoformat()
        for name in ("preferred_start", "preferred_end"):
            self.fields[name].widget.attrs["min"] = today
        self.fields["contact_email"].widget.attrs["autocomplete"] = "email"
        self.fields["contact_name"].widget.attrs["autocomplete"] = "name"

    @property
    def is_spam(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_preferred_start(self) -> dt.date:
        start = self.cleaned_data["preferred_start"]
        if start < timezone.localdate():
            raise forms.ValidationError(_("The start date cannot be in the past."))
        return start

    def clean_preferred_end(self) -> dt.date:
        end = self.cleaned_data["preferred_end"]
        if end < timezone.localdate():
            raise forms.ValidationError(_("The end date cannot be in the past."))
        return end

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("preferred_start"), cleaned.get("preferred_end")
        if start and end and end < start:
            self.add_error("preferred_end", _("The end date must be on or after the start date."))
        return cleaned


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return Locale.get_default()

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import TraineeProfile


class TraineeProfileForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_(
            "I agree that the centre processes these data to run its courses, issue and verify "
            "certificates and report anonymous statistics to its donors."
        ),
        required=True,
        error_messages={"required": _("The centre cannot enrol you without your consent.")},
    )

    class Meta:
        model = TraineeProfile
        fields = [
            "name_latin",
            "name_arabic",
            "country",
            "organisation",
            "organisation_type",
            "job_title",
            "preferred_language",
            "sex",
        ]
        help_texts = {
            "name_arabic": _("Optional. Printed on certificates next to the Latin name."),
            "sex": _("Optional. Used only for anonymous statistics."),
            "preferred_language": _("The language of the e-mails we send you."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sex"].required = False
        if self.instance.pk and self.instance.consent_at:
            self.fields["consent"].initial = True
        for name in ("name_latin", "name_arabic", "organisation", "job_title"):
            self.fields[name].widget.attrs["autocomplete"] = "off"
        self.fields["name_latin"].widget.attrs["dir"] = "ltr"
        self.fields["name_arabic"].widget.attrs["dir"] = "rtl"

    def clean_name_latin(self):
        name = " ".join(self.cleaned_data["name_latin"].split())
        if not any(ch.isascii() and ch.isalpha() for ch in name):
            raise forms.ValidationError(_("Write your name in Latin letters, as in your passport."))
        return name

    def clean_name_arabic(self):
        return " ".join(self.cleaned_data["name_arabic"].split())

    def save(self, commit=True):
        profile = super().save(commit=False)
        if self.cleaned_data.get("consent") and not profile.consent_at:
            profile.consent_at = timezone.now()
        if commit:
            profile.save()
        return profile

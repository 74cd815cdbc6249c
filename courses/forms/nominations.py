"""Forms of the focal-point area and of staff invitations."""

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from training_site.core.text import TextLineFormField

from ..models import CourseRun
from ..rules.nominations import CSV_COLUMNS, Nominee, normalise_email

MAX_CSV_BYTES = 1024 * 1024


class NomineeForm(forms.Form):
    name = TextLineFormField(label=_("Full name"), max_length=150)
    email = forms.EmailField(
        label=_("E-mail"), max_length=254, widget=forms.EmailInput(attrs={"dir": "ltr"})
    )
    organisation = TextLineFormField(label=_("Organisation"), max_length=200)
    job_title = TextLineFormField(label=_("Job title"), max_length=150)
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, initial="ar"
    )

    def nominee(self) -> Nominee:
        data = self.cleaned_data
        return Nominee(
            name=data["name"].strip(),
            email=normalise_email(data["email"]),
            organisation=data.get("organisation", "").strip(),
            job_title=data.get("job_title", "").strip(),
            language=data["language"],
        )


class StaffInvitationForm(NomineeForm):
    run = forms.ModelChoiceField(label=_("Course run"), queryset=CourseRun.objects.none())

    field_order = ["run", "name", "email", "organisation", "job_title", "language"]

    def __init__(self, *args, runs=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["run"].queryset = runs if runs is not None else CourseRun.objects.none()
        self.fields["organisation"].required = False
        self.fields["job_title"].required = False


class NomineesCsvForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=format_lazy(_("First row: {header}"), header=",".join(CSV_COLUMNS)),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_CSV_BYTES:
            raise forms.ValidationError(_("The file is too large (1 MB at most)."))
        return upload

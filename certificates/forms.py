"""Public forms: type a verification code, or upload a PDF to check it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from training_site.core.text import TextLinesFormField

from . import codes

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class VerifyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("As printed on the certificate, for example 7KQ2-M9XD-4TRA-PW3H."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "spellcheck": "false", "dir": "ltr", "maxlength": 60}
        ),
    )

    def clean_code(self):
        code = codes.normalise(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("This is not a verification code. A code has 16 letters and digits.")
            )
        return code


class VerifyFileForm(forms.Form):
    file = forms.FileField(
        label=_("Certificate PDF"),
        help_text=_("PDF, at most 10 MB. The file is checked and not kept."),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        head = upload.read(5)
        upload.seek(0)
        if head != b"%PDF-":
            raise forms.ValidationError(_("This file is not a PDF."))
        return upload


class ReasonForm(forms.Form):
    reason = TextLinesFormField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )

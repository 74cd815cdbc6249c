"""The catalogue's filter form: a GET form whose bad values are dropped, never an error page."""

import datetime as dt

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from ..choices import DeliveryMode, InstructionLanguage

MONTHS_AHEAD = 12


def month_choices(today: dt.date | None = None) -> list[tuple[str, str]]:
    """The current month and the next eleven, as `YYYY-MM` values with a localised label."""
    today = today or timezone.localdate()
    year, month = today.year, today.month
    choices = []
    for _index in range(MONTHS_AHEAD):
        first = dt.date(year, month, 1)
        choices.append((f"{year:04d}-{month:02d}", formats.date_format(first, "YEAR_MONTH_FORMAT")))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return choices


class CatalogueFilterForm(forms.Form):
    """Filters of the catalogue. Every field is optional; an invalid value is ignored."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100, strip=True)
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    language = forms.ChoiceField(
        label=_("Language of instruction"),
        required=False,
        choices=[("", _("Any language")), *InstructionLanguage.choices],
    )
    mode = forms.ChoiceField(
        label=_("Delivery mode"),
        required=False,
        choices=[("", _("Any mode")), *DeliveryMode.choices],
    )
    month = forms.ChoiceField(label=_("Month"), required=False)
    open_now = forms.BooleanField(label=_("Open for enrollment now"), required=False)

    def __init__(self, data=None, *, topics=(), today: dt.date | None = None):
        super().__init__(data=data)
        self.fields["topic"].choices = [
            ("", _("All topics")),
            *((topic.slug, topic.name) for topic in topics),
        ]
        self.fields["month"].choices = [("", _("Any month")), *month_choices(today)]

    def filters(self) -> dict:
        """The valid filters only: each invalid field is dropped rather than failing the page."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = {}
        for name in self.fields:
            if name in self.errors:
                continue
            value = self.cleaned_data.get(name)
            if value:
                cleaned[name] = value
        if "month" in cleaned:
            year, month = (int(part) for part in cleaned["month"].split("-"))
            cleaned["month"] = dt.date(year, month, 1)
        return cleaned

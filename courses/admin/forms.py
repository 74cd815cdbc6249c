"""Admin forms: people picked by name and e-mail, nominations corrected or cancelled."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from training_site.models.roles import RoleGrant, person_label

from ..choices import NominationStatus
from ..models import InstructorAssignment, Nomination


class _PersonChoices(WagtailAdminModelForm):
    """Accounts listed by name and e-mail (never by username), sorted by name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        field.queryset = field.queryset.order_by("last_name", "first_name", "email")
        field.label_from_instance = person_label


class RoleGrantForm(_PersonChoices):
    class Meta:
        model = RoleGrant
        fields = ["user", "role"]


class InstructorAssignmentForm(_PersonChoices):
    """The account picker offers only holders of the instructor role (limit_choices_to)."""

    class Meta:
        model = InstructorAssignment
        fields = ["course", "user"]


class NominationEditForm(forms.ModelForm):
    """Staff correct the nominee's details, or cancel an unanswered nomination or invitation."""

    cancel = forms.BooleanField(
        label=_("Cancel this nomination or invitation"),
        help_text=_("Its link stops working and the country's seat is freed."),
        required=False,
    )

    class Meta:
        model = Nomination
        fields = ["name", "organisation", "job_title"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.status != NominationStatus.SENT:
            del self.fields["cancel"]

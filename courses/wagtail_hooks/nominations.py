"""Admin for focal points and for nominations and staff invitations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from ..choices import NominationStatus
from ..exceptions import CourseError
from ..models import FocalPoint, Nomination
from ..rules.nominations import Nominee
from ..services import nominations as services


class FocalPointCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return services.appoint_focal_point(
            user=data["user"], country=data["country"], by=self.request.user
        )


class FocalPointEditView(generic.EditView):
    """A change of person ends the old appointment and makes a new one: both are logged."""

    def save_instance(self):
        data = self.form.cleaned_data
        previous = FocalPoint.objects.select_related("user").get(pk=self.object.pk)
        if previous.user_id != data["user"].pk:
            services.remove_focal_point(focal_point=previous, by=self.request.user)
        return services.appoint_focal_point(
            user=data["user"], country=data["country"], by=self.request.user
        )


class FocalPointDeleteView(generic.DeleteView):
    def delete_action(self):
        services.remove_focal_point(focal_point=self.object, by=self.request.user)


class FocalPointViewSet(ModelViewSet):
    model = FocalPoint
    icon = "globe"
    menu_label = _("Focal points")
    url_prefix = "focal-points"
    url_namespace = "focal_points"
    form_fields = ["user", "country"]
    list_display = ["user", "country"]
    list_filter = ["country"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    add_view_class = FocalPointCreateView
    edit_view_class = FocalPointEditView
    delete_view_class = FocalPointDeleteView


class InvitationCreateView(generic.CreateView):
    """Staff invite someone by e-mail: the service records it and sends the signed link."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["run"].queryset = services.runs_open_for_nominations()
        return form

    def save_instance(self):
        data = self.form.cleaned_data
        return services.invite(
            run=data["run"],
            by=self.request.user,
            nominee=Nominee(
                name=data["name"],
                email=data["email"],
                organisation=data.get("organisation", ""),
                job_title=data.get("job_title", ""),
                language=data["language"],
            ),
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except CourseError as error:
            form.add_error(None, error.message)
            self.produced_error_message = error.message
            return self.form_invalid(form)


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


class NominationEditView(generic.EditView):
    def save_instance(self):
        nomination = self.form.save()
        if self.form.cleaned_data.get("cancel"):
            nomination = services.cancel_nomination(nomination=nomination)
        return nomination


class NominationViewSet(ModelViewSet):
    model = Nomination
    icon = "mail"
    menu_label = _("Nominations and invitations")
    url_prefix = "nominations"
    url_namespace = "nominations"
    add_to_admin_menu = False
    form_fields = ["run", "name", "email", "organisation", "job_title", "language"]
    list_display = ["name", "email", "run", "country", "status", "nominated_by", "invited_by"]
    list_filter = ["status", "country", "run"]
    search_fields = ["name", "email", "organisation"]
    inspect_view_enabled = True
    add_view_class = InvitationCreateView

    edit_view_class = NominationEditView

    def get_form_class(self, for_update=False):
        if for_update:
            return NominationEditForm
        return super().get_form_class(for_update)


class NominationsGroup(ViewSetGroup):
    menu_label = _("Nominations")
    menu_icon = "group"
    menu_order = 260
    items = (NominationViewSet, FocalPointViewSet)


@hooks.register("register_admin_viewset")
def register_nominations_viewsets():
    return NominationsGroup()

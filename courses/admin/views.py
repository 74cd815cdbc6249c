"""Admin views: the enrollment desk's list and record, and the forms whose saving is a service
call (roles, instructor assignments, focal points, invitations, nominations)."""

import datetime

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from wagtail.admin.views import generic
from wagtail.snippets.views.snippets import IndexView, InspectView

from training_site.models.roles import Role
from training_site.services.roles import RoleError, grant_role, revoke_role

from ..exceptions import CourseError
from ..models import CoursePage, FocalPoint
from ..rules.nominations import Nominee
from ..services import instructors, nominations
from ..services.instructors import sync_instructor_permissions
from .bulk_actions import (
    DECIDE_PERMISSION,
    ApproveBulkAction,
    DeclineBulkAction,
    WaitlistBulkAction,
)
from .exports import EXPORT_COLUMNS
from .policies import enrollment_policy


class EnrollmentIndexView(IndexView):
    export_headings = {key: heading for key, (heading, _accessor) in EXPORT_COLUMNS.items()}

    def stream_csv(self, queryset):
        # The CSV streams after the request's language is switched off: keep the admin's.
        language = translation.get_language()
        rows = super().stream_csv(queryset)

        def in_language():
            while True:
                with translation.override(language):
                    row = next(rows, None)
                if row is None:
                    return
                yield row

        return in_language()

    def to_row_dict(self, item):
        # Cells are neutralised where every export writes them (training_site.core.spreadsheets).
        return {key: EXPORT_COLUMNS[key][1](item) for key in self.list_export}


class EnrollmentInspectView(InspectView):
    template_name = "courses/admin/enrollment_inspect.html"

    def get_field_display_value(self, field_name, field):
        """Dates in the centre's time zone, as in the history below; empty dates as a dash."""
        value = getattr(self.object, field_name, None)
        if value is None:
            return "—"
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        enrollment = self.object
        context["history"] = enrollment.history.select_related("by").order_by("at", "pk")
        can_decide = self.request.user.has_perm(DECIDE_PERMISSION)
        context["actions"] = []
        if can_decide:
            for action in (ApproveBulkAction, WaitlistBulkAction, DeclineBulkAction):
                if action.allowed_from(enrollment.status):
                    url = reverse(
                        "wagtail_bulk_action",
                        args=("courses", "enrollment", action.action_type),
                    )
                    context["actions"].append(
                        {
                            "label": action.display_name,
                            "url": f"{url}?id={quote(enrollment.pk)}&next={self.request.path}",
                        }
                    )
        return context


class ViewPermissionRequired:
    """Wagtail's choosers ask only for admin access; enrollments are personal data, so their
    chooser also asks for the right to view them (focal points and instructors have none)."""

    def dispatch(self, request, *args, **kwargs):
        if not enrollment_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class _ServiceErrorsAsFormErrors:
    """A refusal from a service is shown on the form, in the user's language; nothing saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (CourseError, RoleError) as error:
            form.add_error(None, error.message)
            self.produced_error_message = error.message
            return self.form_invalid(form)


class RoleGrantCreateView(_ServiceErrorsAsFormErrors, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return grant_role(user=data["user"], role=data["role"], by=self.request.user)


class RoleGrantDeleteView(generic.DeleteView):
    def delete_action(self):
        grant, by = self.object, self.request.user
        if grant.role == Role.INSTRUCTOR:  # their course assignments end with the role
            instructors.revoke_instructor_role(user=grant.user, by=by)
        else:
            revoke_role(user=grant.user, role=grant.role, by=by)


class AssignmentCreateView(_ServiceErrorsAsFormErrors, generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return instructors.assign_instructor(
            course=data["course"].specific, user=data["user"], by=self.request.user
        )


class AssignmentDeleteView(generic.DeleteView):
    def delete_action(self):
        assignment = self.object
        instructors.remove_instructor(
            course=assignment.course, user=assignment.user, by=self.request.user
        )


class FocalPointCreateView(generic.CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return nominations.appoint_focal_point(
            user=data["user"], country=data["country"], by=self.request.user
        )


class FocalPointEditView(generic.EditView):
    """A change of person ends the old appointment and makes a new one: both are logged."""

    def save_instance(self):
        data = self.form.cleaned_data
        previous = FocalPoint.objects.select_related("user").get(pk=self.object.pk)
        if previous.user_id != data["user"].pk:
            nominations.remove_focal_point(focal_point=previous, by=self.request.user)
        return nominations.appoint_focal_point(
            user=data["user"], country=data["country"], by=self.request.user
        )


class FocalPointDeleteView(generic.DeleteView):
    def delete_action(self):
        nominations.remove_focal_point(focal_point=self.object, by=self.request.user)


class InvitationCreateView(_ServiceErrorsAsFormErrors, generic.CreateView):
    """Staff invite someone by e-mail: the service records it and sends the signed link."""

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["run"].queryset = nominations.runs_open_for_nominations()
        return form

    def save_instance(self):
        data = self.form.cleaned_data
        return nominations.invite(
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


class NominationEditView(generic.EditView):
    def save_instance(self):
        nomination = self.form.save()
        if self.form.cleaned_data.get("cancel"):
            nomination = nominations.cancel_nomination(nomination=nomination)
        return nomination


def sync_course_instructors(request, page):
    """After a course page is created, edited or published: its instructors' rights follow."""
    specific = page.specific
    if isinstance(specific, CoursePage):
        sync_instructor_permissions(course=specific)

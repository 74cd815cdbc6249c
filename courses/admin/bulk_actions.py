"""Staff's decisions on many enrollments at once: approve, waitlist, decline (through services)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin import messages
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from ..choices import EnrollmentStatus
from ..exceptions import CourseError
from ..forms.enrollment_admin import DeclineForm
from ..models import Enrollment
from ..rules.admission import can_transition
from ..services import enrollment as services
from .exports import trainee_name

DECIDE_PERMISSION = "courses.change_enrollment"


class EnrollmentBulkAction(SnippetBulkAction):
    template_name = "courses/admin/enrollment_bulk_confirm.html"
    target_status: str = ""
    models = [Enrollment]

    @classmethod
    def allowed_from(cls, status: str) -> bool:
        return status != cls.target_status and can_transition(status, cls.target_status)

    def check_perm(self, obj):
        return self.request.user.has_perm(DECIDE_PERMISSION)

    @classmethod
    def get_queryset(cls, model, object_ids):
        return list(
            Enrollment.objects.filter(pk__in=object_ids).select_related(
                "user__trainee_profile", "run__course"
            )
        )

    def run_service(self, enrollment):
        raise NotImplementedError

    @classmethod
    def execute_action(cls, objects, **kwargs):
        self = kwargs["self"]
        done, self.failures = 0, []
        for enrollment in objects:
            try:
                self.run_service(enrollment)
            except CourseError as exc:
                self.failures.append(f"{trainee_name(enrollment)}: {exc.message}")
            else:
                done += 1
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        for failure in self.failures:
            messages.warning(self.request, failure)
        return ngettext(
            "%(count)d enrollment changed.", "%(count)d enrollments changed.", num_parent_objects
        ) % {"count": num_parent_objects}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        return context


class ApproveBulkAction(EnrollmentBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected enrollments")
    action_priority = 10
    target_status = EnrollmentStatus.ENROLLED

    def run_service(self, enrollment):
        services.approve(enrollment=enrollment, by=self.request.user)


class WaitlistBulkAction(EnrollmentBulkAction):
    display_name = _("Put on the waiting list")
    action_type = "waitlist"
    aria_label = _("Put the selected enrollments on the waiting list")
    action_priority = 20
    target_status = EnrollmentStatus.WAITLISTED

    def run_service(self, enrollment):
        services.waitlist(enrollment=enrollment, by=self.request.user)


class DeclineBulkAction(EnrollmentBulkAction):
    display_name = _("Decline")
    action_type = "decline"
    aria_label = _("Decline the selected enrollments")
    action_priority = 30
    classes = {"serious"}
    form_class = DeclineForm
    target_status = EnrollmentStatus.DECLINED

    def run_service(self, enrollment):
        services.decline(
            enrollment=enrollment,
            by=self.request.user,
            reason=self.cleaned_form.cleaned_data["reason"],
        )

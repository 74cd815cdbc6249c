"""Registers the courses app's admin (built in courses/admin/) with Wagtail: nothing else."""

from django.templatetags.static import static
from django.urls import include, path
from django.utils.html import format_html

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from training_site.models.roles import RoleGrant

from .admin import policies, viewsets
from .admin.bulk_actions import ApproveBulkAction, DeclineBulkAction, WaitlistBulkAction
from .admin.log_formatters import (
    AppointFocalPointFormatter,
    AssignInstructorFormatter,
    RemoveFocalPointFormatter,
    RemoveInstructorFormatter,
)
from .admin.panels import add_training_figures_panel
from .admin.reports import report_urls, reports_menu
from .admin.views import sync_course_instructors
from .models import AccountDeletionRequest, Enrollment, InstructorAssignment
from .services.instructors import ASSIGN_ACTION, REMOVE_ACTION
from .services.nominations import APPOINT_FOCAL_POINT, REMOVE_FOCAL_POINT

register_permission_policy(Enrollment, policies.enrollment_policy)
register_permission_policy(AccountDeletionRequest, policies.deletion_request_policy)
register_permission_policy(RoleGrant, policies.role_grant_policy)
register_permission_policy(InstructorAssignment, policies.assignment_policy)

register_snippet(viewsets.TopicViewSet)
register_snippet(viewsets.CourseRunViewSet)
register_snippet(viewsets.EnrollmentViewSet)

for action in (ApproveBulkAction, WaitlistBulkAction, DeclineBulkAction):
    hooks.register("register_bulk_action", action)

hooks.register("construct_homepage_panels", add_training_figures_panel)

for event in ("after_create_page", "after_edit_page", "after_publish_page"):
    hooks.register(event, sync_course_instructors)


@hooks.register("register_admin_viewset")
def register_deletion_requests():
    return viewsets.AccountDeletionRequestViewSet("account_deletion_requests")


@hooks.register("register_admin_viewset")
def register_roles_viewsets():
    return viewsets.RolesGroup()


@hooks.register("register_admin_viewset")
def register_nominations_viewsets():
    return viewsets.NominationsGroup()


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("training-reports/", include((report_urls(), "course_reports")))]


@hooks.register("register_admin_menu_item")
def register_reports_menu():
    return reports_menu()


@hooks.register("insert_global_admin_css")
def reports_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/reports.css"))


@hooks.register("register_log_actions")
def register_role_log_actions(actions):
    actions.register_action(ASSIGN_ACTION)(AssignInstructorFormatter)
    actions.register_action(REMOVE_ACTION)(RemoveInstructorFormatter)
    actions.register_action(APPOINT_FOCAL_POINT)(AppointFocalPointFormatter)
    actions.register_action(REMOVE_FOCAL_POINT)(RemoveFocalPointFormatter)

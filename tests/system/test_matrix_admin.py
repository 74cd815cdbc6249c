"""Every URL of the Wagtail admin, Wagtail's own and the project's, requested as each of nine
roles. Each URL is listed under its namespace with a policy (who gets what); a URL without an
entry fails `test_every_admin_url_has_an_entry`.

At the door (training_site.core.middleware): visitors are sent to sign in, trainees get the "this
area is for the centre's team" page, staff without two-factor are sent to enable it. Inside,
instructors and focal points have two-factor here (tests/system/conftest.py); what they reach
is decided by Wagtail's permissions and the project's permission policies: the reports (scoped
to their runs or country: tests/courses/test_reports_*), choosers of public things, and, for
instructors, the pages of their own course. Some views refuse everybody, staff included:
certificates change only through their workflows, enrollments only through the services.
"""

import pytest

from tests.system.matrix import ROLES, admin_url, answer, client_for, routes, split_key

pytestmark = pytest.mark.django_db

DOOR = {"anonymous": "login", "trainee_a": "denied", "trainee_b": "denied", "staff_no_mfa": "mfa"}
INSIDE = ("focal_x", "focal_y", "instructor_1", "instructor_2", "staff")


def _inside(*answers: str) -> dict[str, str]:
    return {**DOOR, **dict(zip(INSIDE, answers, strict=True))}


POLICIES = {
    "nobody": _inside("denied", "denied", "denied", "denied", "denied"),
    "staff": _inside("denied", "denied", "denied", "denied", "ok"),
    "admin users": _inside("ok", "ok", "ok", "ok", "ok"),
    "editors": _inside("denied", "denied", "ok", "ok", "ok"),  # instructors and staff
    "own course": _inside("denied", "denied", "ok", "denied", "ok"),
    "own course, then missing": _inside("denied", "denied", "404", "denied", "404"),
    "own course, else missing": _inside("404", "404", "ok", "404", "ok"),
    "editors, then missing": _inside("denied", "denied", "404", "404", "404"),
    "explore": _inside("denied", "denied", "ok", "redirect", "ok"),  # 2 goes to their course
    "explore root": _inside("denied", "denied", "redirect", "redirect", "ok"),
    "staff, then missing": _inside("denied", "denied", "denied", "denied", "404"),
    "staff, redirected": _inside("denied", "denied", "denied", "denied", "redirect"),
    "post only": _inside("405", "405", "405", "405", "405"),
    "missing": _inside("404", "404", "404", "404", "404"),  # no such object, or switched off
    "redirect": _inside("redirect", "redirect", "redirect", "redirect", "redirect"),
    "error test": _inside("500", "500", "500", "500", "500"),  # Wagtail's deliberate error
    # Sent on to allauth's sign-in, which sends signed-in people on again.
    "sign in": {**_inside("login", "login", "login", "login", "login")},
    "public asset": {**_inside("ok", "ok", "ok", "ok", "ok"), "anonymous": "ok"},
    "switched off": {**_inside("404", "404", "404", "404", "404"), "anonymous": "404"},
}

# namespace -> {policy: "view view ..."}; "-" holds the URLs without a namespace.
ADMIN = {
    "-": {
        "admin users": "wagtailadmin_account wagtailadmin_choose_page "
        "wagtailadmin_choose_page_anchor_link wagtailadmin_choose_page_child "
        "wagtailadmin_choose_page_chosen_multiple wagtailadmin_choose_page_email_link "
        "wagtailadmin_choose_page_external_link wagtailadmin_choose_page_phone_link "
        "wagtailadmin_choose_page_search wagtailadmin_dismissibles wagtailadmin_home "
        "wagtailadmin_tag_autocomplete #admin/test404/",
        "missing": "wagtail_bulk_action wagtailadmin_block_preview "
        "wagtailadmin_tag_model_autocomplete #admin/^.*/$",
        "post only": "wagtailadmin_logout",
        "sign in": "admin_login wagtailadmin_login",
        "explore": "wagtailadmin_explore wagtailadmin_explore_results",
        "explore root": "wagtailadmin_explore_root",
        "error test": "wagtailadmin_error_test",
        "public asset": "wagtailadmin_javascript_catalog wagtailadmin_sprite",
        "switched off": "wagtailadmin_password_reset wagtailadmin_password_reset_done "
        "wagtailadmin_password_reset_confirm wagtailadmin_password_reset_complete",
    },
    # --- the project's ------------------------------------------------------------------------
    "account_deletion_requests": {
        "nobody": "add copy delete",
        "staff": "edit history history_results index index_results usage",
    },
    "certificate": {
        "nobody": "add copy delete edit history history_results usage",
        "staff": "index index_results inspect",
    },
    # Issuance goes through the services; the screens ask the certificate policy (change).
    "certificate_issuance": {"staff": "index reissue revoke run zip"},
    "course_reports": {
        "admin users": "country country_results course course_results organisation_type "
        "organisation_type_results run run_results sex sex_results topic topic_results year "
        "year_results",
    },
    # A role or an assignment is granted or withdrawn, never edited (courses/admin/policies.py);
    # Wagtail's usage view asks for the edit permission.
    "role_grants": {
        "nobody": "edit usage",
        "staff": "add delete history history_results index index_results inspect",
    },
    "instructor_assignments": {
        "nobody": "edit usage",
        "staff": "add delete history history_results index index_results inspect",
    },
    "focal_points": {
        "staff": "add copy delete edit history history_results index index_results usage"
    },
    "nominations": {
        "staff": "add copy delete edit history history_results index index_results inspect usage"
    },
    "visit_requests": {
        "nobody": "add",
        "staff": "delete edit history history_results index index_results inspect usage",
    },
    "wagtailsnippets_certificates_certificatetemplate": {
        "staff": "add copy delete edit history history_results list list_results preview_on_add "
        "preview_on_edit usage",
    },
    "wagtailsnippetchoosers_certificates_certificatetemplate": {
        "admin users": "choose choose_results chosen chosen_multiple",
        "staff": "create",
    },
    "wagtailsnippets_courses_courserun": {
        "staff": "add copy delete edit history history_results list list_results usage"
    },
    "wagtailsnippetchoosers_courses_courserun": {
        "admin users": "choose choose_results chosen chosen_multiple",
        "staff": "create",
    },
    "wagtailsnippets_courses_enrollment": {
        "nobody": "add copy delete edit history history_results usage",
        "staff": "inspect list list_results",
    },
    "wagtailsnippetchoosers_courses_enrollment": {
        "staff": "choose choose_results chosen chosen_multiple",
        "nobody": "create",
    },
    "wagtailsnippets_courses_topic": {
        "staff": "add copy delete edit history history_results list list_results usage"
    },
    "wagtailsnippetchoosers_courses_topic": {
        "admin users": "choose choose_results chosen chosen_multiple",
        "staff": "create",
    },
    # --- Wagtail's ------------------------------------------------------------------------------
    "wagtailadmin_pages": {
        "own course": "add add_subpage copy edit history history_results move preview_on_add "
        "preview_on_edit unpublish usage view_draft workflow_history "
        "revisions_compare revisions_view revisions_revert revisions_unschedule",
        "own course, then missing": "workflow_history_detail",
        # Wagtail checks these on POST; a GET shows page titles only.
        "admin users": "confirm_workflow_cancellation move_confirm",
        "editors": "search search_results type_use type_use_results",
        "nobody": "delete workflow_preview",
        # Page privacy on course, lesson and test pages is staff's (it could shut trainees out).
        "staff": "set_privacy",
        "missing": "choose_parent collect_workflow_action_data convert_alias workflow_action",
        "post only": "lock set_page_position unlock",
        "redirect": "revisions_index",
    },
    "wagtailadmin_api:pages": {
        "own course, else missing": "detail",
        "admin users": "listing",
        "missing": "find",
        "post only": "action",
    },
    "wagtailadmin_api:documents": {"admin users": "detail listing", "missing": "find"},
    "wagtailadmin_api:images": {"admin users": "detail listing", "missing": "find"},
    "wagtailadmin_collections": {"nobody": "add edit index set_privacy", "missing": "delete"},
    "wagtailadmin_editing_sessions": {"post only": "ping release"},
    "wagtailadmin_reports": {
        "editors": "aging_pages aging_pages_results page_types_usage page_types_usage_results "
        "workflow workflow_results workflow_tasks workflow_tasks_results",
        "staff": "locked_pages locked_pages_results",
        "admin users": "site_history site_history_results",  # entries filtered by permission
    },
    "wagtailadmin_workflows": {
        "nobody": "add disable disable_task edit edit_task index index_results select_task_type "
        "task_index task_index_results usage usage_results",
        "missing": "add_task",
        "post only": "enable enable_task remove remove#2",
        "admin users": "task_chooser task_chooser_create task_chooser_results task_chosen",
    },
    "wagtail_localize": {
        "admin users": "javascript_catalog snippets_api_detail snippets_api_listing "
        "translations_report translations_report_results",
        "staff": "submit_page_translation submit_snippet_translation",
        "staff, then missing": "update_translations",
        "own course, then missing": "convert_to_alias",
        "missing": "download_pofile preview_translation preview_translation#2",
        "post only": "edit_override edit_string_translation machine_translate stop_translation "
        "upload_pofile",
    },
    "wagtaildocs": {
        "editors": "add add_multiple index index_results",
        "staff": "delete document_usage edit",
        "post only": "create_multiple_from_uploaded_document delete_multiple "
        "delete_upload_multiple edit_multiple",
    },
    "wagtaildocs_chooser": {
        "admin users": "choose choose_results chosen_multiple",
        "editors": "chosen create",
    },
    "wagtailimages": {
        "editors": "add add_multiple index index_results",
        "staff": "delete edit image_usage preview",
        "editors, then missing": "url_generator url_generator_output",
        "post only": "create_multiple_from_uploaded_image delete_multiple delete_upload_multiple "
        "edit_multiple",
    },
    "wagtailimages_chooser": {
        "admin users": "choose choose_results chosen_multiple",
        "editors": "chosen create select_format",
    },
    "wagtailembeds": {"admin users": "chooser chooser_upload"},
    "wagtailforms": {
        "editors": "index index_results",
        "nobody": "delete_submissions",
        "missing": "list_submissions list_submissions_results",
    },
    # The centre's settings (the default site's): "edit" without a site goes to it.
    "wagtailsettings": {
        "staff, redirected": "edit",
        "staff": "edit#2",
        "staff, then missing": "preview_on_edit",  # settings have no preview
    },
    "wagtailsnippets": {"staff": "index"},
    # Superusers only: nobody of the nine manages locales, sites, redirects, users or groups.
    "wagtaillocales": {
        "nobody": "add copy delete edit history history_results index index_results usage"
    },
    "wagtailsites": {
        "nobody": "add copy delete edit history history_results index index_results usage"
    },
    "wagtailredirects": {
        "nobody": "add delete edit index index_results process_import start_import"
    },
    "wagtailusers_users": {
        "nobody": "add copy delete edit history history_results index index_results usage"
    },
    "wagtailusers_groups": {
        "nobody": "add delete edit history history_results index index_results usage"
    },
}


def _policy(key: str) -> str | None:
    namespace, view = split_key(key)
    found = [p for p, views in ADMIN.get(namespace, {}).items() if view in views.split()]
    return found[0] if len(found) == 1 else None


def test_every_admin_url_has_an_entry():
    keys = routes(admin=True)
    assert len(keys) > 300  # Wagtail's and the project's
    missing = sorted(key for key in keys if _policy(key) is None)
    assert not missing, f"admin URLs without exactly one entry: {missing}"
    listed = {
        (ns, view)
        for ns, policies in ADMIN.items()
        for v in policies.values()
        for view in v.split()
    }
    stale = listed - {split_key(key) for key in keys}
    assert not stale, f"entries for admin URLs that no longer exist: {sorted(stale)}"
    assert all(set(cells) == set(ROLES) for cells in POLICIES.values())


@pytest.mark.parametrize("key", sorted(routes(admin=True)))
def test_admin_permission_matrix(client, admin_world, key):
    expected = POLICIES[_policy(key)]
    url = admin_url(admin_world, key, routes(admin=True)[key])
    client.raise_request_exception = False  # Wagtail's error test view raises on purpose
    wrong = {}
    for role in ROLES:
        got = answer(client_for(client, admin_world, role).get(url), url, client)
        if got != expected[role]:
            wrong[role] = f"expected {expected[role]}, got {got}"
    assert not wrong, f"{url} ({_policy(key)}): {wrong}"

"""Certificates and study-visit requests use the one through-services policy: the generic forms
it refuses are refused to everybody, and the issuance screens, which call the services, ask the
same policy for the Django permission itself (what each role gets at their URLs:
tests/system/test_matrix_admin.py)."""

import pytest

from certificates.admin.policies import certificate_policy
from tests import factories
from training_site.visits.admin.policies import visit_request_policy

pytestmark = pytest.mark.django_db


def test_certificates_are_never_changed_in_forms_but_staff_issue_through_services(staff_user):
    trainee = factories.TraineeFactory()
    for action in ("add", "change", "delete"):
        assert not certificate_policy.user_has_permission(staff_user, action)
    assert certificate_policy.user_has_permission(staff_user, "view")
    assert certificate_policy.user_may_act_through_services(staff_user, "change")
    assert not certificate_policy.user_may_act_through_services(trainee, "change")


def test_visit_requests_come_only_from_the_public_form(staff_user):
    assert not visit_request_policy.user_has_permission(staff_user, "add")
    assert visit_request_policy.user_has_permission(staff_user, "change")
    assert visit_request_policy.user_has_permission(staff_user, "delete")

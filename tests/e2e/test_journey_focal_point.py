"""Journey 3: a focal point nominates officials of their country by uploading a CSV file,
in Arabic and in English."""

from django.core import mail

import pytest

from courses.choices import AdmissionPolicy
from courses.models import Nomination
from courses.services.nominations import appoint_focal_point
from tests import factories

from .journey import LANGUAGES, Journey

pytestmark = pytest.mark.django_db(transaction=True)

NOMINEES_CSV = (
    "name,email,organisation,job_title,language\n"
    "Amal Haddad,amal@example.org,Public Security Directorate,Investigator,ar\n"
    "Rami Saleh,rami@example.org,Ministry of Labour,Labour inspector,en\n"
)


@pytest.fixture
def world(course):
    focal = appoint_focal_point(user=factories.UserFactory(), country="JO", by=None)
    run = factories.CourseRunFactory(
        course=course, admission_policy=AdmissionPolicy.INVITATION, seats_per_country=4
    )
    return {"focal": focal, "run": run}


@pytest.mark.parametrize("code", LANGUAGES)
def test_focal_point_nominates_by_csv(journey_page, live_site, world, code):
    journey = Journey(journey_page, live_site, "focal-point", code)
    page = journey.page
    journey.sign_in(world["focal"].user)

    journey.goto(f"/{code}/focal-point/", "home")
    page.locator(f"main a[href$='/runs/{world['run'].public_id}/nominate/csv/']").click()
    page.wait_for_url("**/nominate/csv/")
    journey.step("csv-form")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "nominees.csv", "mimeType": "text/csv", "buffer": NOMINEES_CSV.encode()}],
    )
    with page.expect_navigation():
        page.locator("form.form-narrow button[type=submit]").click()
    page.wait_for_url(f"**/{code}/focal-point/")
    assert page.locator(".message-success").is_visible()
    assert page.locator("table.nominees tbody tr").count() == 2
    journey.step("nominated")

    nominations = Nomination.objects.filter(run=world["run"], nominated_by=world["focal"].user)
    assert sorted(n.email for n in nominations) == ["amal@example.org", "rami@example.org"]
    assert sorted(m.to[0] for m in mail.outbox) == ["amal@example.org", "rami@example.org"]
    journey.assert_accessible()

"""The focal-point pages and the CSV error listing, in Arabic and English, in Chromium."""

import pytest

from courses.choices import AdmissionPolicy
from courses.rules.nominations import Nominee
from courses.services.nominations import appoint_focal_point, decline_nomination, nominate
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

BAD_CSV = (
    "name,email,organisation,job_title,language\n"
    "Amal Haddad,amal@example.org,Public Security Directorate,Investigator,ar\n"
    ",no-name@example.org,Ministry of Labour,Inspector,en\n"
    "Rami Saleh,not-an-address,Ministry of Labour,Inspector,en\n"
    "Amal again,AMAL@example.org,PSD,Investigator,de\n"
)


@pytest.fixture
def signed_in_focal_point(page, live_site, client):
    focal = appoint_focal_point(user=factories.UserFactory(), country="JO", by=None)
    index = factories.CourseIndexPageFactory(parent=_home(), slug="programmes")
    course = factories.CoursePageFactory(parent=index, title="Victim identification")
    run = factories.CourseRunFactory(
        course=course, admission_policy=AdmissionPolicy.INVITATION, seats_per_country=4
    )
    factories.CourseRunFactory(course=course)  # open policy: takes nominations too
    first = nominate(
        run=run,
        focal_point=focal,
        nominee=Nominee(
            "Lina Khoury", "lina@example.org", "Social Development", "Case manager", "fr"
        ),
    )
    nominate(
        run=run,
        focal_point=focal,
        nominee=Nominee('<script>alert("x")</script>', "x@example.org", "PSD", "Officer", "ar"),
    )
    decline_nomination(nomination=first)
    client.force_login(focal.user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_site}]
    )
    return run


def _home():
    from training_site.models import HomePage

    return HomePage.objects.get(locale__language_code="ar")


@pytest.mark.parametrize(("code", "direction"), [("ar", "rtl"), ("en", "ltr")])
def test_focal_point_pages(page, live_site, signed_in_focal_point, screenshot, code, direction):
    run = signed_in_focal_point
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live_site}/{code}/focal-point/")
    assert page.locator("html").get_attribute("dir") == direction
    assert page.locator("table.nominees tbody tr").count() == 2
    assert '<script>alert("x")</script>' in page.locator("table.nominees").inner_text()
    screenshot(f"{code}-home")
    page.goto(f"{live_site}/{code}/focal-point/runs/{run.public_id}/nominate/")
    screenshot(f"{code}-nominate")
    page.goto(f"{live_site}/{code}/focal-point/runs/{run.public_id}/nominate/csv/")
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "nominees.csv", "mimeType": "text/csv", "buffer": BAD_CSV.encode()}],
    )
    page.locator("form.form-narrow button[type=submit]").click()
    page.wait_for_selector(".csv-errors")
    rows = page.locator(".csv-errors tbody tr .row-number").all_inner_texts()
    assert rows == ["3", "4", "5", "5"]
    screenshot(f"{code}-csv-errors")
    assert dialogs == []

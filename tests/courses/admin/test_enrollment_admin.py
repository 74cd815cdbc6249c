import csv
import io

from django.core import mail
from django.urls import reverse

import pytest
from openpyxl import load_workbook

from courses.choices import AdmissionPolicy, EnrollmentStatus
from courses.models import Enrollment, EnrollmentStatusChange
from courses.services import enrollment as services
from tests import factories

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/snippets/courses/enrollment/"


def bulk_url(action, *enrollments):
    url = reverse("wagtail_bulk_action", args=("courses", "enrollment", action))
    return url + "?" + "&".join(f"id={e.pk}" for e in enrollments)


@pytest.fixture
def approval_run(run):
    run.admission_policy = AdmissionPolicy.APPROVAL
    run.capacity = 2
    run.save()
    return run


def applicant(run, *, country="JO", name=None, org_type="police"):
    user = factories.TraineeFactory()
    profile = user.trainee_profile
    profile.country = country
    profile.organisation_type = org_type
    if name:
        profile.name_latin = name
    profile.save()
    return services.apply(user=user, run=run)


@pytest.fixture
def staff_client(client, mfa_staff_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(mfa_staff_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(mfa_staff_user)
    return client


def test_staff_list_filters_by_country_status_and_type(staff_client, approval_run):
    jordan = applicant(approval_run, country="JO", name="Rami Jordanian")
    applicant(approval_run, country="EG", name="Mona Egyptian", org_type="ngo")
    page = staff_client.get(LIST_URL).content.decode()
    assert "Rami Jordanian" in page and "Mona Egyptian" in page
    page = staff_client.get(LIST_URL, {"country": "EG"}).content.decode()
    assert "Mona Egyptian" in page and "Rami Jordanian" not in page
    page = staff_client.get(LIST_URL, {"organisation_type": "police"}).content.decode()
    assert "Rami Jordanian" in page and "Mona Egyptian" not in page
    services.approve(enrollment=jordan, by=None)
    page = staff_client.get(LIST_URL, {"status": "enrolled"}).content.decode()
    assert "Rami Jordanian" in page and "Mona Egyptian" not in page
    page = staff_client.get(LIST_URL, {"run": approval_run.pk}).content.decode()
    assert "Rami Jordanian" in page and "Mona Egyptian" in page


def test_staff_search_by_name_and_email(staff_client, approval_run):
    rami = applicant(approval_run, name="Rami Haddad")
    applicant(approval_run, name="Mona Saleh")
    page = staff_client.get(LIST_URL, {"q": "haddad"}).content.decode()
    assert "Rami Haddad" in page and "Mona Saleh" not in page
    page = staff_client.get(LIST_URL, {"q": rami.user.email}).content.decode()
    assert "Rami Haddad" in page and "Mona Saleh" not in page


def test_instructors_and_trainees_cannot_see_the_listing(client, approval_run):
    applicant(approval_run, name="Rami Haddad")
    from training_site.core.roles import ensure_groups

    instructor = factories.UserFactory(is_staff=True)
    instructor.groups.add(ensure_groups()["instructors"])
    factories.TOTPAuthenticatorFactory(user=instructor)
    client.force_login(instructor)
    response = client.get(LIST_URL)
    assert response.status_code in (302, 403)
    assert "Rami Haddad" not in response.content.decode()
    enrollment = Enrollment.objects.get()
    client.post(bulk_url("approve", enrollment))
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.PENDING


def test_no_generic_edit_or_delete(staff_client, approval_run):
    enrollment = applicant(approval_run)
    edit = f"{LIST_URL}edit/{enrollment.pk}/"
    assert staff_client.get(edit).status_code in (302, 403)
    staff_client.post(f"{LIST_URL}delete/{enrollment.pk}/")
    assert Enrollment.objects.filter(pk=enrollment.pk).exists()


def test_bulk_approve_records_who_and_emails_everyone(
    staff_client, mfa_staff_user, approval_run, django_capture_on_commit_callbacks
):
    first, second = applicant(approval_run), applicant(approval_run)
    assert "Approve" in staff_client.get(bulk_url("approve", first, second)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(bulk_url("approve", first, second) + f"&next={LIST_URL}")
    assert response.status_code == 302
    assert set(Enrollment.objects.values_list("status", flat=True)) == {EnrollmentStatus.ENROLLED}
    changes = EnrollmentStatusChange.objects.filter(to_status=EnrollmentStatus.ENROLLED)
    assert {c.by for c in changes} == {mfa_staff_user}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.user.email, second.user.email])


def test_bulk_approve_beyond_capacity_reports_and_skips(staff_client, approval_run):
    people = [applicant(approval_run) for _ in range(3)]
    response = staff_client.post(bulk_url("approve", *people), follow=True)
    statuses = sorted(Enrollment.objects.values_list("status", flat=True))
    assert statuses.count(EnrollmentStatus.ENROLLED) == 2
    assert statuses.count(EnrollmentStatus.PENDING) == 1
    assert "no seats left" in response.content.decode()


def test_bulk_decline_needs_a_reason_and_sends_it(
    staff_client, approval_run, django_capture_on_commit_callbacks
):
    enrollment = applicant(approval_run)
    enrollment.user.trainee_profile.preferred_language = "fr"
    enrollment.user.trainee_profile.save()
    response = staff_client.post(bulk_url("decline", enrollment), {"reason": ""})
    assert response.status_code == 200
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.PENDING
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(bulk_url("decline", enrollment), {"reason": "Profil hors public cible"})
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.DECLINED
    assert enrollment.history.last().reason == "Profil hors public cible"
    (message,) = mail.outbox
    assert "Profil hors public cible" in message.body
    assert "Décision" in message.subject


def test_bulk_waitlist(staff_client, approval_run):
    first, second = applicant(approval_run), applicant(approval_run)
    staff_client.post(bulk_url("waitlist", first, second))
    assert set(Enrollment.objects.values_list("status", flat=True)) == {EnrollmentStatus.WAITLISTED}


def test_inspect_shows_history_with_who_and_reason(staff_client, mfa_staff_user, approval_run):
    enrollment = applicant(approval_run, name="Rami Haddad")
    services.decline(enrollment=enrollment, by=mfa_staff_user, reason="Quota <b>reached</b>")
    page = staff_client.get(f"{LIST_URL}inspect/{enrollment.pk}/").content.decode()
    assert "Declined" in page
    assert "Quota &lt;b&gt;reached&lt;/b&gt;" in page
    assert mfa_staff_user.get_full_name() in page


def test_inspect_offers_the_allowed_decisions(staff_client, approval_run):
    enrollment = applicant(approval_run)
    page = staff_client.get(f"{LIST_URL}inspect/{enrollment.pk}/").content.decode()
    assert "/admin/bulk/courses/enrollment/approve/" in page
    assert "/admin/bulk/courses/enrollment/decline/" in page


def test_export_csv_follows_the_filters(staff_client, approval_run):
    applicant(approval_run, country="JO", name="=HYPERLINK(1)")
    applicant(approval_run, country="EG", name="Mona Saleh")
    response = staff_client.get(LIST_URL, {"export": "csv", "country": "JO"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == 1
    assert rows[0]["Name (Latin script)"] == "'=HYPERLINK(1)"
    assert rows[0]["Country"] == "Jordan"
    assert rows[0]["Status"] == "Awaiting decision"


def test_export_xlsx_parses_back(staff_client, approval_run):
    applicant(approval_run, country="EG", name="Mona Saleh")
    applicant(approval_run, country="MA", name="Karim Alaoui")
    response = staff_client.get(LIST_URL, {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    assert "E-mail" in header and "Type of organisation" in header
    names = {row[header.index("Name (Latin script)")] for row in data}
    assert names == {"Mona Saleh", "Karim Alaoui"}


def test_staff_see_deletion_requests(staff_client, trainee):
    from courses.services.privacy import request_account_deletion

    request_account_deletion(user=trainee)
    page = staff_client.get("/admin/account_deletion_requests/").content.decode()
    assert trainee.email in page


def test_inspect_shows_dates_in_the_centres_time_zone_and_no_none(staff_client, approval_run):
    from django.utils import timezone, translation
    from django.utils.formats import date_format

    enrollment = applicant(approval_run)
    page = staff_client.get(f"{LIST_URL}inspect/{enrollment.pk}/").content.decode()
    with translation.override("en"):  # the admin speaks the staff member's language
        local = date_format(timezone.localtime(enrollment.created_at), "DATETIME_FORMAT")
    assert page.count(local) >= 2  # "applied at" and the history's first line agree
    assert ">None<" not in page.replace(" ", "").replace("\n", "")

import datetime as dt
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from courses.choices import AdmissionPolicy, EnrollmentStatus
from courses.services import enrollment as services
from courses.services.reminders import send_run_reminders
from tests import factories

pytestmark = pytest.mark.django_db


def trainee_in(language):
    user = factories.TraineeFactory()
    user.trainee_profile.preferred_language = language
    user.trainee_profile.save()
    return user


def html_of(message):
    (html, mimetype), *_ = message.alternatives
    assert mimetype == "text/html"
    return html


@pytest.mark.parametrize(
    "policy,subject",
    [
        (AdmissionPolicy.OPEN, "Your place is confirmed"),
        (AdmissionPolicy.APPROVAL, "Application received"),
    ],
)
def test_applying_sends_the_outcome_with_text_and_html(
    run, policy, subject, django_capture_on_commit_callbacks
):
    run.admission_policy = policy
    run.online_url = "https://meet.example/run"
    run.save()
    user = trainee_in("en")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply(user=user, run=run)
    (message,) = mail.outbox
    assert message.to == [user.email]
    assert subject in message.subject
    assert user.trainee_profile.name_latin in message.body
    assert "/en/my/" in message.body
    assert 'dir="ltr"' in html_of(message)
    admitted = policy == AdmissionPolicy.OPEN
    assert ("https://meet.example/run" in message.body) is admitted


def test_waitlisted_email_gives_the_position(run, django_capture_on_commit_callbacks):
    run.capacity = 0
    run.save()
    services.apply(user=trainee_in("en"), run=run)
    user = trainee_in("en")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply(user=user, run=run)
    (message,) = mail.outbox
    assert "waiting list" in message.subject
    assert "position 2" in message.body


def test_emails_go_out_in_the_recipients_language(run, django_capture_on_commit_callbacks):
    arabic, french = trainee_in("ar"), trainee_in("fr")
    with django_capture_on_commit_callbacks(execute=True):
        services.apply(user=arabic, run=run)
        services.apply(user=french, run=run)
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert "مقعدك" in by_recipient[arabic.email].subject
    assert 'dir="rtl"' in html_of(by_recipient[arabic.email])
    assert "/ar/my/" in by_recipient[arabic.email].body
    assert "Votre place est confirmée" in by_recipient[french.email].subject
    assert "/fr/my/" in by_recipient[french.email].body


def test_promotion_emails_the_promoted_person_first_in_line(
    run, staff_user, django_capture_on_commit_callbacks
):
    run.capacity = 1
    run.save()
    holder, first, second = trainee_in("en"), trainee_in("fr"), trainee_in("en")
    place = services.apply(user=holder, run=run)
    services.apply(user=first, run=run)
    services.apply(user=second, run=run)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.decline(enrollment=place, by=staff_user, reason="Duplicate <b>account</b>")
    by_recipient = {m.to[0]: m for m in mail.outbox}
    assert set(by_recipient) == {holder.email, first.email}
    assert "Duplicate <b>account</b>" in by_recipient[holder.email].body  # text part: as typed
    assert "Duplicate &lt;b&gt;account&lt;/b&gt;" in html_of(by_recipient[holder.email])
    assert "Une place" in by_recipient[first.email].subject


def test_withdrawal_is_confirmed_by_email(run, trainee, django_capture_on_commit_callbacks):
    enrollment = services.apply(user=trainee, run=run)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(enrollment=enrollment, by=trainee)
    (message,) = mail.outbox
    assert "Withdrawal confirmed" in message.subject


def test_names_with_markup_are_escaped_in_html_email(run, django_capture_on_commit_callbacks):
    user = trainee_in("en")
    user.trainee_profile.name_latin = "Eve <img src=x onerror=alert(1)>"
    user.trainee_profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.apply(user=user, run=run)
    (message,) = mail.outbox
    assert "<img src=x" not in html_of(message)
    assert "&lt;img src=x" in html_of(message)


# --- reminders ----------------------------------------------------------------------------------


def test_reminders_go_once_to_admitted_people_of_runs_starting_soon(
    course, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    soon = factories.CourseRunFactory(course=course, start_date=today + dt.timedelta(days=2))
    later = factories.CourseRunFactory(course=course, start_date=today + dt.timedelta(days=10))
    admitted = factories.EnrollmentFactory(run=soon)
    factories.EnrollmentFactory(run=soon, status=EnrollmentStatus.PENDING)
    factories.EnrollmentFactory(run=later)
    with django_capture_on_commit_callbacks(execute=True):
        assert send_run_reminders() == 1
        assert send_run_reminders() == 0
    (message,) = mail.outbox
    assert message.to == [admitted.user.email]
    assert "starts in 2 days" in message.subject
    admitted.refresh_from_db()
    assert admitted.reminder_sent_at is not None


def test_reminder_command_is_idempotent(course, django_capture_on_commit_callbacks):
    today = timezone.localdate()
    run = factories.CourseRunFactory(course=course, start_date=today + dt.timedelta(days=1))
    factories.EnrollmentFactory(run=run)
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_run_reminders", stdout=out)
        call_command("send_run_reminders", stdout=out)
    assert out.getvalue().splitlines() == ["1 reminder(s) sent.", "0 reminder(s) sent."]
    assert len(mail.outbox) == 1
    assert "starts tomorrow" in mail.outbox[0].subject

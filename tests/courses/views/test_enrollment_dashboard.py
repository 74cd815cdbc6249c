import datetime as dt

from django.urls import reverse
from django.utils import timezone, translation

import pytest

from courses.choices import EnrollmentStatus
from tests import factories

pytestmark = pytest.mark.django_db


def dashboard_url(lang="en"):
    with translation.override(lang):
        return reverse("courses:dashboard")


def test_dashboard_shows_each_run_with_status_and_next_step(client, trainee, course):
    today = timezone.localdate()
    soon = factories.CourseRunFactory(
        course=course, start_date=today + dt.timedelta(days=5), online_url="https://meet.example/x"
    )
    pending_run = factories.CourseRunFactory(course=course, online_url="https://meet.example/p")
    waiting_run = factories.CourseRunFactory(course=course)
    factories.EnrollmentFactory(user=trainee, run=soon)
    factories.EnrollmentFactory(user=trainee, run=pending_run, status=EnrollmentStatus.PENDING)
    factories.EnrollmentFactory(
        run=waiting_run, status=EnrollmentStatus.WAITLISTED, waitlisted_at=timezone.now()
    )
    factories.EnrollmentFactory(
        user=trainee,
        run=waiting_run,
        status=EnrollmentStatus.WAITLISTED,
        waitlisted_at=timezone.now() + dt.timedelta(seconds=1),
    )
    client.force_login(trainee)
    page = client.get(dashboard_url()).content.decode()
    assert "Starts in 5 days." in page
    assert "Wait for the centre&#x27;s decision" in page
    assert "You are number 2 on the waiting list" in page
    assert "https://meet.example/x" in page  # admitted: link shown
    assert "https://meet.example/p" not in page  # pending: no link
    assert page.count("withdraw-link") == 3


def test_dashboard_asks_to_complete_the_profile(client, user, home_pages):
    client.force_login(user)
    page = client.get(dashboard_url()).content.decode()
    assert "Complete my profile" in page


def test_dashboard_lists_only_my_enrollments(client, trainee, run):
    other = factories.EnrollmentFactory(run=run)
    client.force_login(trainee)
    page = client.get(dashboard_url()).content.decode()
    assert str(other.public_id) not in page


def test_dashboard_shows_course_title_in_the_page_language(client, trainee, run, locales):
    run.course.get_parent().specific.copy_for_translation(locales["en"]).save_revision().publish()
    english = run.course.copy_for_translation(locales["en"])
    english.title = "Victim identification"
    english.save_revision().publish()
    factories.EnrollmentFactory(user=trainee, run=run)
    client.force_login(trainee)
    assert "Victim identification" in client.get(dashboard_url("en")).content.decode()
    assert run.course.title in client.get(dashboard_url("ar")).content.decode()


def test_dashboard_in_arabic_is_right_to_left(client, trainee, run):
    factories.EnrollmentFactory(user=trainee, run=run)
    client.force_login(trainee)
    page = client.get(dashboard_url("ar")).content.decode()
    assert 'dir="rtl"' in page


def test_dashboard_query_budget_is_flat_from_1_to_30_enrollments(
    client, trainee, course, django_assert_max_num_queries
):
    # The first one holds a place, so both counts include the progress and certificate queries.
    statuses = [EnrollmentStatus.ENROLLED, EnrollmentStatus.WAITLISTED, EnrollmentStatus.PENDING]

    def add(n):
        for index in range(n):
            factories.EnrollmentFactory(
                user=trainee,
                run=factories.CourseRunFactory(course=course),
                status=statuses[index % 3],
                waitlisted_at=timezone.now(),
            )

    def measure(expected_cards):
        with django_assert_max_num_queries(15) as captured:
            response = client.get(dashboard_url())
        assert response.content.decode().count("enrollment-card") == expected_cards
        return len(captured.captured_queries)

    client.force_login(trainee)
    add(1)
    client.get(dashboard_url())  # warm the caches every page shares (site, settings, menus)
    with_one = measure(1)
    add(29)
    assert measure(30) == with_one

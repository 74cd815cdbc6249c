"""Lessons: who reads the bodies, marking done, progress and resuming, query budget."""

import pytest

from courses.choices import EnrollmentStatus
from courses.models import LessonProgress
from tests import factories

pytestmark = pytest.mark.django_db


def ar(message, plural=None, number=None, **values):
    """The interface text as an Arabic page shows it."""
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    with translation.override("ar"):
        text = ngettext(message, plural, number) if plural else gettext(message)
    return text % values if values else text


BODY = "Secret lesson body text."


def url(page):
    return page.get_url()


def test_visitor_sees_the_outline_but_not_the_body(client, lessons):
    response = client.get(url(lessons[0]))
    assert response.status_code == 200
    content = response.content.decode()
    assert BODY not in content
    for lesson in lessons:
        assert lesson.title in content
    assert ar("The lessons are open to trainees with a place on a run of this course.") in content


@pytest.mark.parametrize(
    "status",
    [
        EnrollmentStatus.PENDING,
        EnrollmentStatus.WAITLISTED,
        EnrollmentStatus.WITHDRAWN,
        EnrollmentStatus.DECLINED,
    ],
)
def test_trainee_without_a_place_does_not_read_the_body(client, lessons, run, status):
    enrollment = factories.EnrollmentFactory(run=run, status=status)
    client.force_login(enrollment.user)
    assert BODY not in client.get(url(lessons[0])).content.decode()


def test_trainee_on_another_courses_run_does_not_read_the_body(client, lessons, course_index):
    other = factories.EnrollmentFactory(
        run=factories.CourseRunFactory(course=factories.CoursePageFactory(parent=course_index))
    )
    client.force_login(other.user)
    assert BODY not in client.get(url(lessons[0])).content.decode()


@pytest.mark.parametrize("status", [EnrollmentStatus.ENROLLED, EnrollmentStatus.COMPLETED])
def test_trainee_with_a_place_reads_the_body(client, lessons, run, status):
    enrollment = factories.EnrollmentFactory(run=run, status=status)
    client.force_login(enrollment.user)
    assert BODY in client.get(url(lessons[0])).content.decode()


def test_place_on_a_run_of_another_translation_of_the_course_counts(
    client, lessons, course, locales
):
    english = course.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    enrollment = factories.EnrollmentFactory(run=factories.CourseRunFactory(course=english))
    client.force_login(enrollment.user)
    assert BODY in client.get(url(lessons[0])).content.decode()


def test_staff_and_the_courses_instructor_read_the_body(client, lessons, course, mfa_staff_user):
    client.force_login(mfa_staff_user)
    assert BODY in client.get(url(lessons[0])).content.decode()
    instructor = factories.make_instructor(course)
    client.force_login(instructor)
    assert BODY in client.get(url(lessons[0])).content.decode()


def test_marking_done_records_progress_and_goes_to_the_next_lesson(client, lessons, enrollment):
    client.force_login(enrollment.user)
    response = client.post(f"/ar/learn/lessons/{lessons[0].translation_key}/done/")
    assert response.status_code == 302
    assert response["Location"] == url(lessons[1])
    assert LessonProgress.objects.filter(
        enrollment=enrollment, lesson_key=lessons[0].translation_key
    ).exists()
    # Marking it again changes nothing.
    client.post(f"/ar/learn/lessons/{lessons[0].translation_key}/done/")
    assert LessonProgress.objects.filter(enrollment=enrollment).count() == 1


def test_marking_done_needs_a_post(client, lessons, enrollment):
    client.force_login(enrollment.user)
    response = client.get(f"/ar/learn/lessons/{lessons[0].translation_key}/done/")
    assert response.status_code == 405
    assert not LessonProgress.objects.exists()


def test_marking_a_lesson_of_a_course_one_is_not_on_is_refused(client, lessons, course_index):
    other = factories.EnrollmentFactory(
        run=factories.CourseRunFactory(course=factories.CoursePageFactory(parent=course_index))
    )
    client.force_login(other.user)
    response = client.post(f"/ar/learn/lessons/{lessons[0].translation_key}/done/", follow=True)
    assert ar("You need a place on a run of this course to do this.") in response.content.decode()
    assert not LessonProgress.objects.exists()


def test_marking_an_unknown_lesson_is_404(client, enrollment):
    client.force_login(enrollment.user)
    response = client.post("/ar/learn/lessons/00000000-0000-0000-0000-000000000000/done/")
    assert response.status_code == 404


def test_anonymous_cannot_mark_done(client, lessons):
    response = client.post(f"/ar/learn/lessons/{lessons[0].translation_key}/done/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not LessonProgress.objects.exists()


def test_progress_bar_and_continue_link(client, lessons, enrollment):
    factories.LessonProgressFactory(enrollment=enrollment, lesson=lessons[0])
    client.force_login(enrollment.user)
    response = client.get(url(lessons[2]))
    content = response.content.decode()
    assert 'aria-valuenow="33"' in content
    assert ar("%(done)s of %(total)s lessons done", done=1, total=3) in content
    assert response.context["resume"].pk == lessons[1].pk
    assert f'href="{url(lessons[1])}"' in content


def test_lesson_page_query_budget(client, lessons, enrollment, django_assert_max_num_queries):
    """A whole lesson-page request (session, routing, lesson body, outline, progress and the
    site's page chrome) stays within 12 queries, whatever the number of lessons."""
    for _ in range(5):
        factories.LessonPageFactory(parent=lessons[0].get_parent())
    factories.LessonProgressFactory(enrollment=enrollment, lesson=lessons[0])
    client.force_login(enrollment.user)
    client.get(url(lessons[1]))  # warm the caches every page shares (site, settings, menus)
    with django_assert_max_num_queries(12):
        response = client.get(url(lessons[1]))
    content = response.content.decode()
    assert BODY in content
    assert ar("%(done)s of %(total)s lessons done", done=1, total=8) in content


def test_admin_preview_renders_the_lesson_and_the_test(lessons, post_test):
    for page in (lessons[0], post_test):
        response = page.make_preview_request()
        assert response.status_code == 200
        assert page.title in response.content.decode()

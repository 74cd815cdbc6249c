"""Instructors' rights in the admin come from the course's instructor assignments."""

from django.contrib.auth.models import Group

import pytest

from courses.models.catalogue import CourseInstructor
from courses.services.instructors import course_group_name, sync_instructor_permissions
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_courses(course_index, lessons, course):
    other = factories.CoursePageFactory(parent=course_index, title="Other course")
    other_lesson = factories.LessonPageFactory(parent=other, title="Other lesson")
    return course, other, lessons[0], other_lesson


def assign(course, user):
    CourseInstructor.objects.create(page=course, user=user, name=user.get_full_name())
    sync_instructor_permissions(course=course)


def test_instructor_edits_own_lessons_not_anothers(client, mfa_user_factory, two_courses):
    course, other, lesson, other_lesson = two_courses
    instructor = mfa_user_factory()
    assign(course, instructor)
    client.force_login(instructor)
    assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{course.pk}/add_subpage/").status_code == 200
    for page in (other, other_lesson):
        response = client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code in (302, 403)
    # Drafts of the other course are not listed to them either.
    other_lesson.title = "Secret draft title"
    other_lesson.save_revision()
    listing = client.get(f"/admin/pages/{other.pk}/")
    assert "Secret draft title" not in listing.content.decode()


def test_instructor_can_publish_a_lesson_of_their_course(client, mfa_user_factory, two_courses):
    course, _, lesson, _ = two_courses
    instructor = mfa_user_factory()
    assign(course, instructor)
    perms = lesson.permissions_for_user(instructor)
    assert perms.can_edit() and perms.can_publish()
    assert not course.get_parent().permissions_for_user(instructor).can_edit()


def test_removing_an_assignment_removes_the_rights(mfa_user_factory, two_courses):
    course, _, lesson, _ = two_courses
    instructor = mfa_user_factory()
    assign(course, instructor)
    CourseInstructor.objects.filter(page=course, user=instructor).delete()
    sync_instructor_permissions(course=course)
    assert not lesson.permissions_for_user(instructor).can_edit()
    assert not Group.objects.get(name=course_group_name(course)).user_set.exists()


def test_rights_cover_every_translation_of_the_course(mfa_user_factory, course, locales):
    english = course.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    instructor = mfa_user_factory()
    CourseInstructor.objects.create(page=english, user=instructor, name="Claire")
    sync_instructor_permissions(course=course)
    assert course.permissions_for_user(instructor).can_add_subpage()
    assert english.permissions_for_user(instructor).can_add_subpage()


def test_publishing_a_course_in_the_admin_syncs_the_rights(client, two_courses, mfa_user_factory):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    course, _, lesson, _ = two_courses
    instructor = mfa_user_factory()
    client.force_login(mfa_user_factory(is_staff=True, is_superuser=True))
    data = nested_form_data(
        {
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "hours": course.hours,
            "level": course.level,
            "delivery_mode": course.delivery_mode,
            "instructors": inline_formset([{"user": instructor.pk, "name": "Karim", "role": ""}]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{course.pk}/edit/", data)
    assert response.status_code == 302
    assert CourseInstructor.objects.filter(page=course, user=instructor).exists()
    instructor = type(instructor).objects.get(pk=instructor.pk)
    assert lesson.permissions_for_user(instructor).can_edit()

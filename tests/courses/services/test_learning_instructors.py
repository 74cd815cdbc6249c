"""Instructors: staff give the role and assign role holders to courses; rights follow the
assignments; an instructor editing their course can neither see nor change who teaches it."""

from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

import pytest

from courses.exceptions import NotAnInstructor, OnlyStaff
from courses.models import InstructorAssignment
from courses.services.instructors import (
    ASSIGN_ACTION,
    REMOVE_ACTION,
    assign_instructor,
    course_group_name,
    grant_instructor_role,
    remove_instructor,
    revoke_instructor_role,
)
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_courses(course_index, lessons, course):
    other = factories.CoursePageFactory(parent=course_index, title="Other course")
    other_lesson = factories.LessonPageFactory(parent=other, title="Other lesson")
    return course, other, lessons[0], other_lesson


def fresh(user):
    """The user as a new request sees them (permission caches are per object)."""
    return type(user).objects.get(pk=user.pk)


def test_instructor_edits_own_lessons_not_anothers(client, mfa_user_factory, two_courses):
    course, other, lesson, other_lesson = two_courses
    instructor = factories.make_instructor(course, mfa_user_factory())
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


def test_instructor_can_publish_a_lesson_of_their_course(mfa_user_factory, two_courses):
    course, _, lesson, _ = two_courses
    instructor = factories.make_instructor(course, mfa_user_factory())
    perms = lesson.permissions_for_user(instructor)
    assert perms.can_edit() and perms.can_publish()
    assert not course.get_parent().permissions_for_user(instructor).can_edit()


def test_removing_an_assignment_removes_the_rights(mfa_user_factory, mfa_staff_user, two_courses):
    course, _, lesson, _ = two_courses
    instructor = factories.make_instructor(course, mfa_user_factory())
    assert remove_instructor(course=course, user=instructor, by=mfa_staff_user) is True
    assert not lesson.permissions_for_user(fresh(instructor)).can_edit()
    assert not Group.objects.get(name=course_group_name(course)).user_set.exists()
    entry = PageLogEntry.objects.get(page=course, action=REMOVE_ACTION)
    assert entry.user == mfa_staff_user
    assert entry.data["instructor"]["id"] == instructor.pk


def test_rights_cover_every_translation_of_the_course(mfa_user_factory, course, locales):
    english = course.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    instructor = factories.make_instructor(english, mfa_user_factory())
    assert course.permissions_for_user(instructor).can_add_subpage()
    assert english.permissions_for_user(instructor).can_add_subpage()


# --- only staff assign, only role holders can be assigned, every change is logged ----------------


def test_assigning_is_a_staff_act_recorded_in_the_audit_log(mfa_staff_user, course, lessons):
    instructor = factories.UserFactory(first_name="Karim", last_name="Mansour")
    grant_instructor_role(user=instructor, by=mfa_staff_user)
    assignment = assign_instructor(course=course, user=instructor, by=mfa_staff_user)
    assert (assignment.assigned_by, assignment.user) == (mfa_staff_user, instructor)
    assert lessons[0].permissions_for_user(fresh(instructor)).can_edit()
    entry = PageLogEntry.objects.get(page=course, action=ASSIGN_ACTION)
    assert (entry.user, entry.data["instructor"]["id"]) == (mfa_staff_user, instructor.pk)
    assert entry.timestamp is not None
    # Assigning again changes nothing and logs nothing.
    assign_instructor(course=course, user=instructor, by=mfa_staff_user)
    assert PageLogEntry.objects.filter(action=ASSIGN_ACTION).count() == 1


def test_a_non_staff_account_cannot_assign(course, mfa_user_factory):
    colleague = factories.make_instructor(course, mfa_user_factory())
    trainee = factories.TraineeFactory()
    with pytest.raises(OnlyStaff):
        assign_instructor(course=course, user=trainee, by=colleague)
    with pytest.raises(OnlyStaff):
        remove_instructor(course=course, user=colleague, by=colleague)
    with pytest.raises(OnlyStaff):
        grant_instructor_role(user=trainee, by=colleague)
    assert not InstructorAssignment.objects.filter(user=trainee).exists()


def test_only_holders_of_the_instructor_role_can_be_assigned(course, mfa_staff_user):
    trainee = factories.TraineeFactory()
    with pytest.raises(NotAnInstructor):
        assign_instructor(course=course, user=trainee, by=mfa_staff_user)
    assert not InstructorAssignment.objects.exists()


def test_withdrawing_the_role_ends_every_assignment(course, course_index, mfa_staff_user, lessons):
    other = factories.CoursePageFactory(parent=course_index)
    instructor = factories.make_instructor(course)
    assign_instructor(course=other, user=instructor, by=mfa_staff_user)
    revoke_instructor_role(user=instructor, by=mfa_staff_user)
    assert not InstructorAssignment.objects.filter(user=instructor).exists()
    assert not lessons[0].permissions_for_user(fresh(instructor)).can_edit()
    assert PageLogEntry.objects.filter(action=REMOVE_ACTION, user=mfa_staff_user).count() == 2
    assert not fresh(instructor).groups.filter(name="Instructors").exists()


def test_staff_assign_from_the_admin_and_the_picker_offers_instructors_only(
    client, mfa_staff_user, course, lessons
):
    instructor = factories.UserFactory(first_name="Claire", last_name="Dubois")
    grant_instructor_role(user=instructor, by=mfa_staff_user)
    trainee = factories.TraineeFactory(username="trainee-username-x")
    client.force_login(mfa_staff_user)
    form = client.get("/admin/instructor-assignments/new/").context["form"]
    assert list(form.fields["user"].queryset) == [instructor]
    assert "trainee-username-x" not in form.as_p()
    refused = client.post(
        "/admin/instructor-assignments/new/", {"course": course.pk, "user": trainee.pk}
    )
    assert refused.status_code == 200 and refused.context["form"].errors
    assert not InstructorAssignment.objects.exists()
    response = client.post(
        "/admin/instructor-assignments/new/", {"course": course.pk, "user": instructor.pk}
    )
    assert response.status_code == 302
    assert lessons[0].permissions_for_user(fresh(instructor)).can_edit()
    history = client.get("/admin/reports/site-history/").content.decode()
    with translation.override("ar"):  # the admin's language here
        expected = gettext("Instructor assigned: %(person)s") % {"person": "Claire Dubois"}
    assert expected != "Instructor assigned: Claire Dubois" and expected in history


# --- hole 2: an instructor editing their own course cannot make anyone an instructor -----------


def _course_form(course, **extra):
    return {
        "title": course.title,
        "slug": course.slug,
        "summary": course.summary,
        "hours": course.hours,
        "level": course.level,
        "delivery_mode": course.delivery_mode,
        "action-publish": "publish",
        **extra,
    }


def test_the_course_editor_has_no_instructors_panel_for_instructors(
    client, mfa_user_factory, course
):
    instructor = factories.make_instructor(course, mfa_user_factory())
    factories.UserFactory(username="someone-elses-username")
    client.force_login(instructor)
    response = client.get(f"/admin/pages/{course.pk}/edit/")
    assert response.status_code == 200
    assert "instructors" not in response.context["form"].formsets
    html = response.content.decode()
    assert "instructors-TOTAL_FORMS" not in html
    assert "someone-elses-username" not in html


def test_an_instructor_publishing_their_course_cannot_add_an_instructor(
    client, mfa_user_factory, course, lessons
):
    instructor = factories.make_instructor(course, mfa_user_factory())
    trainee = factories.TraineeFactory()
    client.force_login(instructor)
    data = nested_form_data(
        _course_form(
            course,
            instructors=inline_formset([{"user": trainee.pk, "name": "Accomplice", "role": ""}]),
        )
    )
    response = client.post(f"/admin/pages/{course.pk}/edit/", data)
    assert response.status_code == 302  # published, without the instructors' fields
    assert not InstructorAssignment.objects.filter(user=trainee).exists()
    assert not course.instructors.filter(name="Accomplice").exists()
    assert not lessons[0].permissions_for_user(fresh(trainee)).can_edit()
    assert not fresh(trainee).groups.exists()


def test_staff_still_edit_the_instructor_cards(client, mfa_staff_user, course):
    client.force_login(mfa_staff_user)
    data = nested_form_data(
        _course_form(course, instructors=inline_formset([{"name": "Karim Mansour", "role": ""}]))
    )
    assert client.post(f"/admin/pages/{course.pk}/edit/", data).status_code == 302
    assert course.instructors.get().name == "Karim Mansour"
    assert not InstructorAssignment.objects.exists()  # a card gives no rights

"""The demo catalogue: programmes in three languages, courses, topics and runs of every kind."""

from django.core.management import call_command

import pytest

from courses.choices import RunStatus
from courses.models import CourseIndexPage, CoursePage, CourseRun, Topic
from courses.models.catalogue import CourseInstructor, InstructorAssignment

pytestmark = pytest.mark.django_db


def test_demo_catalogue(client, role_holders_without_a_record):
    call_command("seed_demo")
    indexes = CourseIndexPage.objects.live()
    assert sorted(page.locale.language_code for page in indexes) == ["ar", "en", "fr"]
    assert {page.slug for page in indexes} == {"programmes"}
    assert all(page.show_in_menus for page in indexes)
    for code in ("ar", "en", "fr"):
        assert CoursePage.objects.live().filter(locale__language_code=code).count() >= 8
        assert Topic.objects.filter(locale__language_code=code).count() >= 5
    runs = CourseRun.objects.all()
    assert runs.past().exists() and runs.upcoming().exists()
    assert runs.open_for_enrollment().exists()
    assert runs.filter(status=RunStatus.CANCELLED).exists()
    assert {run.language for run in runs} == {"ar", "en", "fr"}
    assert len({run.delivery_mode for run in runs}) == 3
    assert all(run.sessions.exists() for run in runs)
    usernames = set(InstructorAssignment.objects.values_list("user__username", flat=True))
    assert {"instructor", "instructor2"} <= usernames
    assert CourseInstructor.objects.filter(name="Karim Mansour").exists()  # the page's cards
    # Every role the demo gives went through the role services, with a record.
    assert role_holders_without_a_record() == []
    html = client.get("/fr/programmes/").content.decode()
    assert "Identifier et orienter les victimes de la traite" in html
    assert "Programmes de formation" in html
    response = client.get("/ar/programmes/", {"q": "الضحايا"})
    assert "تحديد ضحايا الاتجار بالأشخاص وإحالتهم" in response.content.decode()

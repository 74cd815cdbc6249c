"""Journey 4: an instructor edits their own course in the Wagtail admin and is refused
another's, in Arabic and in English."""

from wagtail.models import Page

import pytest

from tests import factories

from .journey import LANGUAGES, Journey

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world(course_indexes, mfa_user_factory, code):
    own = factories.CoursePageFactory(parent=course_indexes["ar"], title="تحديد الضحايا")
    other = factories.CoursePageFactory(parent=course_indexes["ar"], title="الملاحقة القضائية")
    if code != "ar":
        own = factories.translate_page(own, code, title="Victim identification")
        other = factories.translate_page(other, code, title="Prosecution")
    instructor = mfa_user_factory(first_name="Claire", last_name="Martin")
    factories.make_instructor(own, instructor)
    return {"own": own, "other": other, "instructor": instructor}


@pytest.mark.parametrize("code", LANGUAGES)
def test_instructor_edits_own_course_only(journey_page, live_site, world, code):
    journey = Journey(journey_page, live_site, "instructor", code)
    page = journey.page
    journey.sign_in(world["instructor"])
    own, other = world["own"], world["other"]

    journey.goto("/admin/")
    journey.step("admin-home", site_page=False)
    journey.goto(f"/admin/pages/{own.pk}/edit/")
    journey.step("edit-own", site_page=False, wagtail_page=True)
    summary = {"ar": "دورة محدّثة للمحققين", "en": "An updated course for investigators"}[code]
    page.locator("#id_summary").fill(summary)
    with page.expect_navigation():
        page.locator("main button.action-save, footer button.action-save").first.click()
    page.locator(".messages .success").wait_for()
    journey.step("saved", site_page=False, wagtail_page=True)
    assert Page.objects.get(pk=own.pk).get_latest_revision_as_object().summary == summary

    response = journey.goto(f"/admin/pages/{other.pk}/edit/")
    journey.step("edit-other-refused", site_page=False, wagtail_page=True)
    assert f"/admin/pages/{other.pk}/edit/" not in page.url or response.status == 403
    assert page.locator("#id_summary").count() == 0
    assert Page.objects.get(pk=other.pk).get_latest_revision_as_object().summary == (
        other.specific.summary
    )
    journey.assert_accessible()

"""Numbers no integer column holds match nothing, through any lookup (training_site.integer_lookups):
an id typed into a form, a filter or a URL gives "no such object", never a server error."""

from django import forms

import pytest

from courses.models import CoursePage, CourseRun, Topic

pytestmark = pytest.mark.django_db

HUGE = 10**30


def test_out_of_range_numbers_match_nothing_through_relations_and_in(run):
    course = run.course
    topic = Topic.objects.create(name="Investigation", slug="investigation")
    assert not CoursePage.objects.filter(pk=HUGE).exists()  # a one-to-one to Page
    assert not CoursePage.objects.filter(pk=-HUGE).exists()
    assert list(CoursePage.objects.filter(pk__in=[HUGE, course.pk])) == [course]
    assert not Topic.objects.filter(pk__in=[HUGE, -HUGE]).exists()
    assert list(Topic.objects.filter(pk__in=[-HUGE, topic.pk])) == [topic]
    assert not CourseRun.objects.filter(course=HUGE).exists()  # a foreign key
    assert not CourseRun.objects.filter(course_id__in=[HUGE]).exists()
    assert list(CourseRun.objects.filter(course__lt=HUGE)) == [run]
    assert list(CourseRun.objects.filter(course__gte=-HUGE)) == [run]
    assert not CourseRun.objects.filter(course__gt=HUGE).exists()
    assert not CourseRun.objects.filter(course__lte=-HUGE).exists()


@pytest.mark.parametrize("value", ["9" * 30, "-" + "9" * 20, str(2**63)])
def test_an_out_of_range_id_in_a_model_choice_is_a_form_error(run, value):
    courses = forms.ModelChoiceField(queryset=CoursePage.objects.all())
    topics = forms.ModelMultipleChoiceField(queryset=Topic.objects.all())
    runs = forms.ModelMultipleChoiceField(queryset=CourseRun.objects.all())
    for field, given in ((courses, value), (topics, [value]), (runs, [str(run.pk), value])):
        with pytest.raises(forms.ValidationError) as refused:
            field.clean(given)
        assert refused.value.code == "invalid_choice"

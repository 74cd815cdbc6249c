"""Values no column holds match nothing, through any lookup (training_site.core.lookups): a number beyond
any integer column, text with a NUL. An id or a code typed into a form, a filter or a URL gives
"no such object", never a server error, on SQLite and PostgreSQL."""

from django import forms

from wagtail.models import Locale

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


def test_text_with_a_nul_matches_nothing(locales):
    for lookup in ("", "__iexact", "__contains", "__icontains", "__startswith", "__istartswith"):
        assert not Locale.objects.filter(**{f"language_code{lookup}": "en\x00"}).exists()
    assert list(Locale.objects.filter(language_code__in=["en\x00", "en"])) == [locales["en"]]
    assert not Topic.objects.filter(slug__endswith="\x00x").exists()
    assert Locale.objects.exclude(language_code="\x00").count() == 3
    with pytest.raises(Locale.DoesNotExist):
        Locale.objects.get(language_code="\x00")

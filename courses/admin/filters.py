"""Filters of the admin listings: course runs, enrollments and the training reports."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import AdminDateInput

import django_filters
from django_countries import countries

from ..choices import (
    DeliveryMode,
    EnrollmentStatus,
    InstructionLanguage,
    OrganisationType,
    RunStatus,
)
from ..models import CoursePage, CourseRun, Enrollment, Topic
from ..reports.filters import MAX_YEAR, MIN_YEAR, ReportFilters, apply_filters


class CourseRunFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=CoursePage.objects.filter(alias_of__isnull=True).order_by("title"),
        method="filter_course",
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RunStatus.choices)
    language = django_filters.ChoiceFilter(
        label=_("Language of instruction"), choices=InstructionLanguage.choices
    )
    delivery_mode = django_filters.ChoiceFilter(
        label=_("Delivery mode"), choices=DeliveryMode.choices
    )

    class Meta:
        model = CourseRun
        fields = ["course", "status", "language", "delivery_mode"]

    def filter_course(self, queryset, name, value):
        # A run belongs to every translation of its course.
        return queryset.filter(course__translation_key=value.translation_key)


class EnrollmentFilterSet(WagtailFilterSet):
    run = django_filters.ModelChoiceFilter(
        label=_("Course run"), queryset=CourseRun.objects.select_related("course")
    )
    status = django_filters.ChoiceFilter(label=_("Status"), choices=EnrollmentStatus.choices)
    country = django_filters.ChoiceFilter(
        label=_("Country"), field_name="user__trainee_profile__country", choices=countries
    )
    organisation_type = django_filters.ChoiceFilter(
        label=_("Type of organisation"),
        field_name="user__trainee_profile__organisation_type",
        choices=OrganisationType.choices,
    )

    class Meta:
        model = Enrollment
        fields = ["run", "status"]


def _in_admin_language(model):
    """Translatable objects in the admin's language, or in the default one when untranslated."""

    def queryset(request):
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        translated = model.objects.filter(locale__language_code=language)
        untranslated = model.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE[:2]
        ).exclude(translation_key__in=translated.values("translation_key"))
        return (translated | untranslated).order_by("pk")

    return queryset


def _country_choices():
    return [(country.code, country.name) for country in countries]


class ReportFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise ValidationError(
                _("The period starts after it ends: the first date must come before the second.")
            )
        return cleaned


class YearFilter(django_filters.Filter):
    field_class = forms.IntegerField


class ReportFilterSet(WagtailFilterSet):
    year = YearFilter(label=_("Year"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    date_from = django_filters.DateFilter(label=_("Runs starting from"), widget=AdminDateInput)
    date_to = django_filters.DateFilter(label=_("Runs starting until"), widget=AdminDateInput)
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=_in_admin_language(Topic), to_field_name="translation_key"
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"),
        queryset=_in_admin_language(CoursePage),
        to_field_name="translation_key",
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=_country_choices)
    organisation_type = django_filters.ChoiceFilter(
        label=_("Type of organisation"), choices=OrganisationType.choices
    )

    class Meta:
        model = Enrollment
        fields = []
        form = ReportFilterForm

    def report_filters(self) -> ReportFilters:
        data = self.form.cleaned_data
        topic, course = data.get("topic"), data.get("course")
        return ReportFilters(
            year=data.get("year"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            topic_key=str(topic.translation_key) if topic else None,
            course_key=str(course.translation_key) if course else None,
            country=data.get("country") or None,
            organisation_type=data.get("organisation_type") or None,
        )

    def filter_queryset(self, queryset):
        return apply_filters(queryset, self.report_filters())

"""Admin for the catalogue: topics (translatable snippets) and course runs with their sessions."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters

from ..choices import DeliveryMode, InstructionLanguage, RunStatus
from ..models import CoursePage, CourseRun, Topic


class TopicViewSet(SnippetViewSet):
    """Topics are translatable: wagtail-localize adds "Translate" to each topic's actions."""

    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "slug"]
    search_backend_name = None


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


class CourseRunViewSet(SnippetViewSet):
    """Course runs with their sessions inline. Cancelling keeps the run listed, marked cancelled."""

    model = CourseRun
    icon = "date"
    menu_label = _("Course runs")
    menu_order = 220
    add_to_admin_menu = True
    list_display = ["__str__", "start_date", "end_date", "language", "delivery_mode", "status"]
    list_export = ["course", "start_date", "end_date", "language", "delivery_mode", "status"]
    filterset_class = CourseRunFilterSet
    search_fields = ["course__title", "venue"]
    search_backend_name = None
    ordering = ["-start_date"]

    def get_queryset(self, request):
        return CourseRun.objects.select_related("course")


register_snippet(TopicViewSet)
register_snippet(CourseRunViewSet)

"""StreamField blocks of a visit programme: days, each with timed items."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from training_site.blocks import TextLineBlock
from training_site.visits.choices import VisitItemKind


class VisitItemBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=VisitItemKind.choices, default=VisitItemKind.PRESENTATION, label=_("Kind")
    )
    start_time = blocks.TimeBlock(label=_("Start time"))
    end_time = blocks.TimeBlock(required=False, label=_("End time"))
    title = TextLineBlock(max_length=200, label=_("Title"))
    place = TextLineBlock(
        required=False,
        max_length=200,
        label=_("Place"),
        help_text=_("For example: the centre's Hall A, or a protection or shelter centre."),
    )
    host = TextLineBlock(
        required=False, max_length=200, label=_("Host"), help_text=_("The body receiving")
    )
    description = blocks.TextBlock(required=False, label=_("Description"))
    courses = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="courses.CoursePage"),
        required=False,
        default=[],
        label=_("Linked courses"),
    )

    class Meta:
        icon = "time"
        label = _("Item")


class VisitDayBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Date"))
    title = TextLineBlock(required=False, max_length=200, label=_("Theme of the day"))
    items = blocks.ListBlock(VisitItemBlock(), label=_("Items"))

    class Meta:
        icon = "date"
        label = _("Day")


class VisitProgrammeBlock(blocks.StreamBlock):
    day = VisitDayBlock()

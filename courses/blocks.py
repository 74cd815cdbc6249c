"""Blocks of lesson bodies and assessment questions."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from training_site.blocks import BaseStreamBlock, TextLineBlock


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = TextLineBlock(
        required=False, label=_("Title"), help_text=_("Defaults to the file's title.")
    )
    description = blocks.TextBlock(required=False, label=_("Description"))

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document_block.html"
        label = _("Document to download")


class CaseStudyBlock(blocks.StructBlock):
    title = TextLineBlock(label=_("Title"))
    scenario = blocks.RichTextBlock(features=["bold", "italic", "ol", "ul"], label=_("Scenario"))
    questions = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "ol", "ul"], label=_("Questions to consider")
    )
    discussion = blocks.RichTextBlock(
        required=False, features=["bold", "italic", "ol", "ul", "link"], label=_("Discussion")
    )

    class Meta:
        icon = "group"
        template = "courses/blocks/case_study_block.html"
        label = _("Case study")


class KeyPointsBlock(blocks.StructBlock):
    title = TextLineBlock(required=False, label=_("Title"))
    points = blocks.ListBlock(TextLineBlock(label=_("Point")), label=_("Key points"))

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/key_points_block.html"
        label = _("Key points")


class LessonStreamBlock(BaseStreamBlock):
    """Headings, rich text, images, video, call-outs and quotes, plus the lesson's own blocks."""

    document = DocumentBlock()
    case_study = CaseStudyBlock()
    key_points = KeyPointsBlock()


class AnswerChoiceBlock(blocks.StructBlock):
    text = TextLineBlock(label=_("Answer"), max_length=300)
    correct = blocks.BooleanBlock(required=False, label=_("Correct"))

    class Meta:
        icon = "tick"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Question"))
    multiple = blocks.BooleanBlock(
        required=False,
        label=_("Several answers are correct"),
        help_text=_("Trainees must tick every correct answer and no other."),
    )
    choices = blocks.ListBlock(AnswerChoiceBlock(), min_num=2, label=_("Answers"))
    explanation = blocks.TextBlock(
        required=False,
        label=_("Explanation"),
        help_text=_("Shown with the correct answers, when the test's review policy shows them."),
    )

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        value = super().clean(value)
        correct = [choice for choice in value["choices"] if choice["correct"]]
        if not correct:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "choices": blocks.ListBlockValidationError(
                        non_block_errors=[_("Mark at least one answer as correct.")]
                    )
                }
            )
        if len(correct) > 1 and not value["multiple"]:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "multiple": blocks.BlockValidationError(
                        _("Several answers are marked correct: tick “Several answers are correct”.")
                    )
                }
            )
        return value


class QuestionStreamBlock(blocks.StreamBlock):
    question = QuestionBlock()

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from training_site.core.text import validate_text_line


class TextLineBlock(blocks.CharBlock):
    """A CharBlock for one line of human text (a heading, a title, a host's name) that refuses
    hidden characters (training_site.core.text). It deconstructs as a CharBlock: the validator
    changes no migration, and migrations never import this module."""

    canonical_module_path = "wagtail.blocks.CharBlock"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.field.validators.append(validate_text_line)


class HeadingBlock(blocks.StructBlock):
    text = TextLineBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")


class CalloutBlock(blocks.StructBlock):
    title = TextLineBlock(required=False, label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Text"))

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        label = _("Call-out")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = TextLineBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks every content page offers."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul", "document-link"],
        label=_("Paragraph"),
    )
    image = ImageBlock(label=_("Image"))
    callout = CalloutBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Embedded media"), max_width=800)

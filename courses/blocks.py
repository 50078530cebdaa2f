"""StreamField blocks for lessons. Each renders with its own template under templates/blocks/."""

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
    "superscript",
    "subscript",
]


class HeadingBlock(blocks.StructBlock):
    """A section heading; lessons use h2 and h3 under the page's h1 so the outline stays valid."""

    text = blocks.CharBlock(max_length=120)
    size = blocks.ChoiceBlock(choices=[("h2", "Heading 2"), ("h3", "Heading 3")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Contraindications", "size": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    """An image with mandatory alt text: clinicians using screen readers take this course too."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250, help_text="Describe what the image shows for people who cannot see it."
    )
    caption = blocks.CharBlock(required=False, max_length=250)
    attribution = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class VideoBlock(blocks.StructBlock):
    """An embedded video (YouTube, Vimeo, …) with an optional caption and transcript."""

    video = EmbedBlock(help_text="Paste the video page URL, for example a YouTube link.")
    caption = blocks.CharBlock(required=False, max_length=250)
    transcript = blocks.RichTextBlock(required=False, features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"


CALLOUT_KINDS = [
    ("warning", "Warning"),
    ("contraindication", "Contraindication"),
    ("pearl", "Clinical pearl"),
    ("evidence", "Evidence note"),
]


class SafetyCalloutBlock(blocks.StructBlock):
    """A boxed note that stands out: warnings and contraindications must not be missed."""

    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, default="warning")
    title = blocks.CharBlock(max_length=120)
    body = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"
        preview_value = {
            "kind": "contraindication",
            "title": "Do not needle over the lung field without training",
            "body": "<p>Pneumothorax is a serious risk of needling over the thorax.</p>",
        }


class CaptionedTableBlock(TableBlock):
    """A data table; its caption is announced by screen readers before the table."""

    class Meta:
        icon = "table"
        template = "blocks/table_block.html"
        help_text = "Fill in the table caption: it tells every reader what the table compares."


class ProcedureStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=160)
    detail = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class ProcedureBlock(blocks.StructBlock):
    """A numbered step-by-step procedure, such as a treatment session."""

    title = blocks.CharBlock(max_length=160)
    steps = blocks.ListBlock(ProcedureStepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "blocks/procedure_block.html"
        preview_value = {
            "title": "Hand hygiene",
            "steps": [{"title": "Wash hands", "detail": "<p>Before and after every patient.</p>"}],
        }


class DocumentBlock(blocks.StructBlock):
    """A downloadable handout, consent form or reference document."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=160, help_text="Defaults to the document title."
    )
    description = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"


class LessonBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = CaptionedImageBlock()
    video = VideoBlock()
    callout = SafetyCalloutBlock()
    table = CaptionedTableBlock(table_options={"startRows": 3, "startCols": 2, "language": "en-US"})
    procedure = ProcedureBlock()
    document = DocumentBlock()

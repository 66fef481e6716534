"""StreamField blocks shared by the content page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = [
    "h2",
    "h3",
    "h4",
    "bold",
    "italic",
    "ol",
    "ul",
    "link",
    "document-link",
]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("kutipan"))
    attribution = blocks.CharBlock(label=_("sumber"), required=False)

    class Meta:
        icon = "openquote"
        label = _("kutipan")


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("paragraf"))
    # ImageBlock asks for alt text (or an explicit "decorative" choice) on every use.
    image = ImageBlock(label=_("gambar"))
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("sematan"), help_text=_("Tautan YouTube atau Instagram.")
    )
    document = DocumentChooserBlock(label=_("dokumen"))


class InfographicImagesBlock(blocks.StreamBlock):
    image = ImageBlock(label=_("gambar infografis"))

    class Meta:
        min_num = 0

"""StreamField values as ``[{"type", "id", "value"}]`` with plain JSON values.

Shapes per block type (documented in the schema as ``StreamBlock``):
paragraph -> HTML string; image -> image object (or null); quote ->
{"text", "attribution"}; embed -> {"url"}; document -> document object (or null).
Unknown block types fall back to Wagtail's own JSON representation.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.blocks import RichTextBlock, StreamValue
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

from .documents import document_data
from .images import image_data
from .richtext import rich_text_html


def block_value(block, value, context):
    request = context.get("request")
    if isinstance(block, RichTextBlock):
        return rich_text_html(value, request)
    if isinstance(block, ImageBlock):
        alt = getattr(value, "contextual_alt_text", None) if value else None
        return image_data(value, context, alt=alt or "")
    if isinstance(block, ImageChooserBlock):
        return image_data(value, context)
    if isinstance(block, DocumentChooserBlock):
        return document_data(value, context)
    if isinstance(block, EmbedBlock):
        return {"url": value.url if value else None}
    if hasattr(block, "child_blocks") and isinstance(value, dict):
        return {
            name: block_value(child, value.get(name), context)
            for name, child in block.child_blocks.items()
        }
    return block.get_api_representation(value, context)


def stream_data(stream: StreamValue | None, context) -> list[dict]:
    if not stream:
        return []
    return [
        {
            "type": child.block_type,
            "id": child.id,
            "value": block_value(child.block, child.value, context),
        }
        for child in stream
    ]


class StreamBlockSerializer(serializers.Serializer):
    type = serializers.CharField(
        help_text="paragraph | image | quote | embed | document"
    )
    id = serializers.CharField(allow_null=True)
    value = serializers.JSONField(
        allow_null=True,
        help_text=(
            "paragraph: HTML; image: objek gambar; quote: {text, attribution}; "
            "embed: {url}; document: objek dokumen."
        ),
    )


@extend_schema_field(StreamBlockSerializer(many=True))
class StreamField(serializers.Field):
    def to_representation(self, value):
        return stream_data(value, self.context)

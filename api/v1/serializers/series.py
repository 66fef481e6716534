"""Series: items from one or more OPDs under one theme, in the series' order."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .common import PLAIN_TEXT, APIURLField, PortalURLField
from .content import ContentSummarySerializer, RichTextHTMLField
from .images import ImageField


class SeriesOPDSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


@extend_schema_field(SeriesOPDSerializer(allow_null=True))
class SeriesOPDField(serializers.Field):
    """The OPD owning the series (its parent page; annotated by the selector)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, series):
        if not getattr(series, "opd_slug", None):
            return None
        return {"slug": series.opd_slug, "name": series.opd_name}


class SeriesSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    title = serializers.CharField(help_text=PLAIN_TEXT)
    url = PortalURLField()
    api_url = APIURLField("series-detail", lookup="slug")
    opd = SeriesOPDField()
    description = RichTextHTMLField()
    cover_image = ImageField(alt_source="cover_alt")
    province_curated = serializers.BooleanField()
    item_count = serializers.IntegerField(
        source="public_item_count", help_text="Jumlah butir publik."
    )


class SeriesDetailSerializer(SeriesSerializer):
    items = ContentSummarySerializer(
        many=True, source="public_items", help_text="Butir publik, sesuai urutan seri."
    )

"""Content items of every type: list items, and details with type-specific fields.

``content_detail_data(page, request)`` serializes any content page, also an unsaved
draft from ``revision.as_object()`` (used by the headless preview).
"""

from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from rest_framework import serializers

from api.v1.public_lookups import public_series_ids
from cms.content.models import CONTENT_TYPES
from cms.core.public_urls import page_public_url
from cms.core.visibility import public_pages

from .blocks import StreamField
from .common import (
    PLAIN_TEXT,
    APIURLField,
    OPDRefSerializer,
    PortalURLField,
    TagRefSerializer,
)
from .documents import DocumentField
from .images import ImageField, image_data
from .richtext import rich_text_html


def type_code_of(page) -> str:
    """Without a query: the class's own code, else the content type's (cached)."""
    return getattr(type(page), "type_code", "") or page.specific_class.type_code


class TypeCodeField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        return type_code_of(page)


def type_code_field(*codes):
    schema = {"type": "string", "enum": list(codes or CONTENT_TYPES)}
    return extend_schema_field(schema)(type("TypeCode", (TypeCodeField,), {}))()


@extend_schema_field(
    serializers.CharField(
        help_text=(
            "HTML yang sudah disanitasi: hanya p, br, h2-h6, b, strong, i, em, u, ol, "
            "ul, li, a (href http/https/mailto/tel), blockquote, sub, sup, hr."
        )
    )
)
class RichTextHTMLField(serializers.Field):
    def to_representation(self, value):
        return rich_text_html(value, self.context.get("request"))


@extend_schema_field(TagRefSerializer(many=True))
class TagsField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        # tagged_items: prefetched on lists; in memory on a draft revision.
        items = sorted((ti.tag for ti in page.tagged_items.all()), key=lambda t: t.name)
        return [{"slug": tag.slug, "name": tag.name} for tag in items]


class SeriesRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    title = serializers.CharField(help_text=PLAIN_TEXT)
    order = serializers.IntegerField(help_text="Urutan butir ini di dalam seri.")


@extend_schema_field(SeriesRefSerializer(allow_null=True))
class SeriesRefField(serializers.Field):
    """The item's series, only while the series itself is public."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        if not page.series_id:
            return None
        request = self.context.get("request")
        holder = request.__dict__ if request is not None else self.context
        if "_api_public_series" not in holder:
            holder["_api_public_series"] = public_series_ids()
        if page.series_id not in holder["_api_public_series"]:
            return None
        series = page.series
        return {"slug": series.slug, "title": series.title, "order": page.series_order}


@extend_schema_field(serializers.IntegerField(allow_null=True, help_text="Detik."))
class DurationSecondsField(serializers.Field):
    def to_representation(self, value):
        return int(value.total_seconds()) if value is not None else None


class ContentSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    type = type_code_field()
    title = serializers.CharField(help_text=PLAIN_TEXT)
    slug = serializers.CharField()
    url = PortalURLField(allow_null=True)
    api_url = APIURLField("content-detail")
    opd = OPDRefSerializer(allow_null=True)
    published = serializers.DateTimeField(source="publish_date")
    updated = serializers.DateTimeField(source="last_published_at", allow_null=True)
    summary = serializers.CharField(allow_blank=True, help_text=PLAIN_TEXT)
    tags = TagsField()
    hero_image = ImageField(alt_source="hero_alt")
    series = SeriesRefField(allow_null=True)


class ContentListItemSerializer(ContentSummarySerializer):
    """A list item. With ``?fields=`` only the named keys are present, so none is
    required in the schema; without it every key is."""

    def __init__(self, *args, only: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
        for name in set(self.fields) - set(only or self.fields):
            self.fields.pop(name)


class RelatedLinkSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(help_text=PLAIN_TEXT)
    url = serializers.URLField()


@extend_schema_field(RelatedLinkSerializer(many=True))
class RelatedLinksField(serializers.Field):
    """Links to other pages, only those the public can see."""

    def __init__(self, **kwargs):
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        targets = [link.target_id for link in page.related_links.all()]
        return related_links_data(targets, self.context.get("request"))


def related_links_data(target_ids, request) -> list[dict]:
    """Links to the pages of ``target_ids`` (in that order) the public may see now."""
    target_ids = [pk for pk in target_ids if pk]
    if not target_ids:
        return []  # most items: no query
    public = public_pages().filter(pk__in=target_ids)
    by_id = {target.pk: target for target in public}
    return [
        {
            "id": target.pk,
            "title": target.title,
            "url": page_public_url(target, request),
        }
        for target in (by_id.get(pk) for pk in target_ids)
        if target is not None
    ]


class ContentDetailSerializer(ContentSummarySerializer):
    """Fields every type has; each type's serializer below adds its own."""

    body = StreamField()
    related_links = RelatedLinksField()


class NewsDetailSerializer(ContentDetailSerializer):
    type = type_code_field("rilis")


class ArticleDetailSerializer(ContentDetailSerializer):
    type = type_code_field("artikel")
    author = serializers.CharField(source="author_name", allow_blank=True)


class AnnouncementDetailSerializer(ContentDetailSerializer):
    type = type_code_field("pengumuman")
    event_start = serializers.DateTimeField(allow_null=True)
    event_end = serializers.DateTimeField(allow_null=True)
    location = serializers.CharField(allow_blank=True)


@extend_schema_field(serializers.ListField(child=serializers.DictField()))
class InfographicImagesField(serializers.Field):
    def to_representation(self, stream):
        images = (
            image_data(child.value, self.context, alt=child.value.contextual_alt_text)
            for child in stream or []
            if child.value is not None
        )
        return [image for image in images if image is not None]


class InfographicDetailSerializer(ContentDetailSerializer):
    type = type_code_field("infografis")
    images = InfographicImagesField()
    text_alternative = RichTextHTMLField()


class VideoDetailSerializer(ContentDetailSerializer):
    type = type_code_field("video")
    video_file = DocumentField()
    embed_url = serializers.CharField(allow_blank=True)
    duration = DurationSecondsField()
    captions_file = DocumentField(help_text="Takarir WebVTT.")
    transcript = RichTextHTMLField()


class PodcastDetailSerializer(ContentDetailSerializer):
    type = type_code_field("podcast")
    audio_file = DocumentField()
    duration = DurationSecondsField()
    show_notes = RichTextHTMLField()
    transcript = RichTextHTMLField()


class PublicationDetailSerializer(ContentDetailSerializer):
    type = type_code_field("dokumen")
    document = DocumentField()


class FollowUpDetailSerializer(ContentDetailSerializer):
    """A resolved citizen report, anonymised and approved by the verification
    team. Deliberately no report link and no tracking code."""

    type = type_code_field("tindak-lanjut")
    category = serializers.CharField(source="category_name", help_text=PLAIN_TEXT)
    region = serializers.CharField(help_text="Kabupaten/kota. " + PLAIN_TEXT)
    received_on = serializers.DateField()
    resolved_on = serializers.DateField(allow_null=True)
    text = serializers.CharField(help_text=PLAIN_TEXT)


DETAIL_SERIALIZERS: dict[str, type[ContentDetailSerializer]] = {
    "rilis": NewsDetailSerializer,
    "artikel": ArticleDetailSerializer,
    "pengumuman": AnnouncementDetailSerializer,
    "infografis": InfographicDetailSerializer,
    "video": VideoDetailSerializer,
    "podcast": PodcastDetailSerializer,
    "dokumen": PublicationDetailSerializer,
    "tindak-lanjut": FollowUpDetailSerializer,
}
assert set(DETAIL_SERIALIZERS) == set(CONTENT_TYPES)

# The schema of a detail response: one of the types, chosen by ``type``.
ContentDetailSchema = PolymorphicProxySerializer(
    component_name="ContentDetail",
    serializers=dict(DETAIL_SERIALIZERS),
    resource_type_field_name="type",
)


def content_detail_data(page, request) -> dict:
    """The detail JSON of any content page (saved, or a draft from a revision).

    It does not check visibility: callers decide who may see the page.
    """
    page = page.specific
    serializer_class = DETAIL_SERIALIZERS[type_code_of(page)]
    return serializer_class(page, context={"request": request}).data

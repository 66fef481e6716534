"""Image objects of the API: a few fixed widths, absolute URLs, never private ones.

Only ``RENDITION_WIDTHS`` are ever generated, so clients cannot make the server
render arbitrary sizes, and list pages stay cheap: renditions are prefetched with
``image_prefetch`` (one query per list) and cached by Wagtail afterwards.
Images in a collection with a view restriction (e.g. an OPD's "— dikecualikan"
collection) serialize as ``null`` wherever they are referenced.
"""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.images import get_image_model

from cms.core.visibility import PublicView, public_view

from .urls import absolute_url

# Widths offered to clients (CSS pixels); WebP, never upscaled beyond the original.
RENDITION_WIDTHS = (320, 640, 960, 1280)
RENDITION_FILTERS = {width: f"width-{width}|format-webp" for width in RENDITION_WIDTHS}


def image_prefetch(lookup: str) -> Prefetch:
    """``prefetch_related`` argument fetching the image at ``lookup`` with its
    renditions, so serializing a page of items costs a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions(*RENDITION_FILTERS.values())
    return Prefetch(lookup, queryset=images)


def visibility_of(context) -> PublicView:
    """The visibility rule for this serialization, its rows read once per request
    (kept on the request; on the context when serializing without one)."""
    request = context.get("request")
    return public_view(request if request is not None else context)


def image_data(image, context, *, alt: str | None = None) -> dict | None:
    """The image object, or None when missing or in a private collection."""
    if image is None or not visibility_of(context).image_is_public(image):
        return None
    request = context.get("request")
    wanted = [w for w in RENDITION_WIDTHS if w <= image.width] or [RENDITION_WIDTHS[0]]
    renditions = image.get_renditions(*(RENDITION_FILTERS[w] for w in wanted))
    urls, srcset = {}, []
    for width in wanted:
        rendition = renditions[RENDITION_FILTERS[width]]
        url = absolute_url(rendition.url, request)
        urls[str(width)] = url
        srcset.append(f"{url} {rendition.width}w")
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.title if alt is None else alt,
        "width": image.width,
        "height": image.height,
        "renditions": urls,
        "srcset": ", ".join(srcset),
    }


class ImageSerializer(serializers.Serializer):
    """Shape of an image object (documentation; ``image_data`` builds it)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    alt = serializers.CharField(
        allow_blank=True, help_text="Teks alternatif; kosong bila dekoratif."
    )
    width = serializers.IntegerField(help_text="Lebar asli (piksel).")
    height = serializers.IntegerField()
    renditions = serializers.DictField(
        child=serializers.URLField(),
        help_text="URL WebP per lebar (320, 640, 960, 1280; tidak melebihi asli).",
    )
    srcset = serializers.CharField(help_text="Nilai siap pakai untuk srcset.")


@extend_schema_field(ImageSerializer(allow_null=True))
class ImageField(serializers.Field):
    """An image foreign key as an image object (or null); ``alt_source`` names the
    attribute of the parent holding the contextual alt text."""

    def __init__(self, *, alt_source: str | None = None, **kwargs):
        self.alt_source = alt_source
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        image = super().get_attribute(instance)
        alt = getattr(instance, self.alt_source, "") if self.alt_source else None
        return (image, alt or None)

    def to_representation(self, value):
        image, alt = value
        return image_data(image, self.context, alt=alt)

"""Document objects: title, absolute URL, size and media type, or null when the
public may not have the file (private collection, exempted DIP entry)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from .images import visibility_of
from .urls import absolute_url


def document_data(document, context) -> dict | None:
    if document is None or not visibility_of(context).document_is_public(document):
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": absolute_url(document.url, context.get("request")),
        "size": document.file_size,
        "content_type": document.content_type,
    }


class DocumentSerializer(serializers.Serializer):
    """Shape of a document object (documentation; ``document_data`` builds it)."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.URLField()
    size = serializers.IntegerField(allow_null=True, help_text="Ukuran dalam bita.")
    content_type = serializers.CharField(help_text="Jenis media, mis. application/pdf.")


@extend_schema_field(DocumentSerializer(allow_null=True))
class DocumentField(serializers.Field):
    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return document_data(value, self.context)

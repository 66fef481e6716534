"""Small shapes shared by several resources."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.core.public_urls import page_public_url

from .urls import api_url

# Titles, summaries and names are returned as the editor typed them (see "Text and
# HTML fields" in docs/api/resources.md); consumers must escape them.
PLAIN_TEXT = _("Teks biasa: escape sebelum dimasukkan ke HTML.")


class OPDRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(source="title", help_text=PLAIN_TEXT)


class TagRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField(help_text=PLAIN_TEXT)


class PortalURLField(serializers.Field):
    """The page's absolute public URL on the portal."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("help_text", _("URL publik di portal (absolut)."))
        super().__init__(**kwargs)

    def to_representation(self, page):
        return page_public_url(page, self.context.get("request"))


extend_schema_field({"type": "string", "format": "uri"})(PortalURLField)


class APIURLField(serializers.Field):
    """The absolute URL of this object's API detail (route ``name``, kwarg from
    the attribute ``lookup``)."""

    def __init__(self, name: str, lookup: str = "pk", kwarg: str | None = None, **kw):
        self.route, self.lookup, self.kwarg = name, lookup, kwarg or lookup
        kw.setdefault("source", "*")
        super().__init__(**kw)

    def to_representation(self, obj):
        value = getattr(obj, self.lookup)
        return api_url(self.route, self.context.get("request"), **{self.kwarg: value})


extend_schema_field({"type": "string", "format": "uri"})(APIURLField)

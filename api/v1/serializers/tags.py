"""Topics (tags) with the number of public items carrying them."""

from urllib.parse import urlencode

from rest_framework import serializers

from .common import PLAIN_TEXT
from .urls import api_url


class TagSerializer(serializers.Serializer):
    slug = serializers.CharField(source="tag__slug")
    name = serializers.CharField(source="tag__name", help_text=PLAIN_TEXT)
    count = serializers.IntegerField(help_text="Jumlah butir publik bertopik ini.")
    content_url = serializers.SerializerMethodField()

    def get_content_url(self, row) -> str:
        """The content list filtered by this topic."""
        base = api_url("content-list", self.context.get("request"))
        return f"{base}?{urlencode({'tag': row['tag__slug']})}"

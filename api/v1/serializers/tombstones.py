"""Tombstones: content items a mirror must drop."""

from rest_framework import serializers

from api.models import TombstoneReason
from cms.content.models import CONTENT_TYPES


class ContentTombstoneSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="page_id", help_text="Id konten.")
    opd = serializers.CharField(
        source="opd_slug", allow_blank=True, help_text="Slug OPD pemilik."
    )
    type = serializers.ChoiceField(source="type_code", choices=list(CONTENT_TYPES))
    reason = serializers.ChoiceField(choices=TombstoneReason.choices)
    removed_at = serializers.DateTimeField()

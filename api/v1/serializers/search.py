"""Output shapes of the public search API (read-only; input is parsed by
``search.queries.params`` so the portal and the API reject the same things)."""

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from .common import PLAIN_TEXT


class LocalDateTimeField(serializers.CharField):
    """ISO 8601 in the site's time zone (WIB), whatever the index stored (UTC)."""

    def to_representation(self, value):
        parsed = parse_datetime(str(value))
        if parsed is None or timezone.is_naive(parsed):
            return super().to_representation(value)
        return timezone.localtime(parsed).isoformat()


# Its own schema name: common.OPDRefSerializer reads a model, this one a hit.
@extend_schema_serializer(component_name="SearchOPDRef")
class OPDRefSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name = serializers.CharField()


class SearchHitSerializer(serializers.Serializer):
    title = serializers.CharField(help_text=PLAIN_TEXT)
    url = serializers.CharField(allow_null=True)
    type = serializers.CharField()
    opd = OPDRefSerializer(allow_null=True)
    published = LocalDateTimeField(allow_null=True)
    summary = serializers.CharField(allow_blank=True, help_text=PLAIN_TEXT)
    highlight = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="HTML: teks sudah di-escape; satu-satunya tag <mark>.",
    )
    promoted = serializers.BooleanField()


class FacetValueSerializer(serializers.Serializer):
    value = serializers.JSONField()  # a slug or code; a number for "year"
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


DEGRADED_HELP = (
    "true: mesin pencari sedang tidak tersedia, hasil diambil dari basis data "
    "(hasil terbatas: tanpa pengenalan imbuhan, sinonim, salah ketik, isi lampiran "
    "dan sorotan; urutan lebih sederhana). Hanya konten publik."
)
DEGRADED_REASON_HELP = "Mengapa hasil terbatas; null bila tidak terbatas."


class DegradedMixin(serializers.Serializer):
    degraded = serializers.BooleanField(read_only=True, help_text=DEGRADED_HELP)
    degraded_reason = serializers.ChoiceField(
        choices=["search_engine_unavailable"],
        allow_null=True,
        read_only=True,
        help_text=DEGRADED_REASON_HELP,
    )


class SearchResponseSerializer(DegradedMixin):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    results = SearchHitSerializer(many=True)
    facets = serializers.DictField(child=FacetValueSerializer(many=True))
    suggestion = serializers.CharField(allow_null=True)


def search_response_data(result) -> dict:
    """What ``SearchResponseSerializer(result).data`` gives, built directly: the
    serializer (kept for the schema) costs about a millisecond per response in
    field objects. tests/api/test_search_api.py compares the two."""
    return {
        "degraded": result.degraded,
        "degraded_reason": result.degraded_reason,
        "count": int(result.count),
        "page": int(result.page),
        "page_size": int(result.page_size),
        "results": [_hit(hit) for hit in result.results],
        "facets": {
            str(name): [
                {
                    "value": value["value"],
                    "label": str(value["label"]),
                    "count": int(value["count"]),
                    "selected": bool(value["selected"]),
                }
                for value in values
            ]
            for name, values in result.facets.items()
        },
        "suggestion": None if result.suggestion is None else str(result.suggestion),
    }


_LOCAL_TIME = LocalDateTimeField(allow_null=True)


def _hit(hit) -> dict:
    opd = hit.opd
    return {
        "title": str(hit.title),
        "url": None if hit.url is None else str(hit.url),
        "type": str(hit.type),
        "opd": None
        if opd is None
        else {"slug": str(opd["slug"]), "name": str(opd["name"])},
        "published": None
        if hit.published is None
        else _LOCAL_TIME.to_representation(hit.published),
        "summary": str(hit.summary),
        "highlight": {
            str(field): [str(fragment) for fragment in fragments]
            for field, fragments in hit.highlight.items()
        },
        "promoted": bool(hit.promoted),
    }


class SuggestionSerializer(serializers.Serializer):
    title = serializers.CharField()
    url = serializers.CharField(allow_null=True)


class SuggestResponseSerializer(DegradedMixin):
    suggestions = SuggestionSerializer(many=True)

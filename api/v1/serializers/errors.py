"""The one error shape of the API, for the schema (``api/v1/errors.py`` builds it)."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorBodySerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField(help_text="invalid_parameter, not_found, ...")
    message = serializers.CharField()
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Per parameter yang salah: daftar pesannya (hanya untuk 400).",
    )


class ErrorSerializer(serializers.Serializer):
    error = ErrorBodySerializer()


def error_responses(*statuses: int) -> dict:
    """``responses`` entries for ``extend_schema`` (429 is always possible)."""
    descriptions = {
        400: "Parameter tidak valid.",
        404: "Tidak ditemukan (atau tidak publik).",
        429: "Terlalu banyak permintaan; lihat Retry-After.",
    }
    return {
        status: OpenApiResponse(ErrorSerializer, description=descriptions[status])
        for status in sorted({*statuses, 429})
    }

"""Shapes of the complaint endpoints (/api/v1/reports/): what an app sends, the
receipt it gets once, and the public view of a report by its code.

The public view never holds the reporter's identity, the report's own text or
anything internal: it is what anyone holding the code may see on the portal's
``/lapor/lacak/`` page (status, category, place, OPDs, public timeline).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.v1.report_input import (
    identity_errors,
    location_errors,
    parse_coordinate,
    with_privacy,
)
from cms.complaints.models import DESCRIPTION_MAX, Category, Kind, Privacy
from cms.complaints.regions import REGIONS

from .common import PLAIN_TEXT

REPLY_ACTIONS = ("reply", "confirm", "reopen")


@extend_schema_field({"type": "number", "format": "double", "nullable": True})
class CoordinateField(serializers.Field):
    """A decimal degree given as a number or a string (blank: none); the range is
    checked by the serializer (both or neither, inside Banten)."""

    def to_internal_value(self, data):
        if isinstance(data, bool) or data is None:
            raise serializers.ValidationError(_("Bukan angka desimal yang sah."))
        if isinstance(data, str) and not data.strip():
            return None
        value = parse_coordinate(data if isinstance(data, int | float) else str(data))
        if value is None:
            raise serializers.ValidationError(_("Bukan angka desimal yang sah."))
        return value

    def to_representation(self, value):
        return float(value)


class CategoryField(serializers.SlugRelatedField):
    """An active category by slug; text PostgreSQL cannot hold (NUL) or longer
    than any slug is refused before the query."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data or len(data) > 120:
            self.fail("invalid")
        return super().to_internal_value(data)


class ReportSubmitSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(Kind.choices, default=Kind.PENGADUAN)
    category = CategoryField(
        slug_field="slug",
        queryset=Category.objects.filter(active=True),
        help_text=_("Slug kategori (lihat /open311/v2/services.json)."),
    )
    title = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=DESCRIPTION_MAX)
    region = serializers.ChoiceField(
        REGIONS, help_text=_("Kode BPS kabupaten/kota di Banten, mis. 36.04.")
    )
    address = serializers.CharField(max_length=300, required=False, allow_blank=True)
    latitude = CoordinateField(
        required=False, allow_null=True, help_text=_("-7.1 sampai -5.8")
    )
    longitude = CoordinateField(
        required=False, allow_null=True, help_text=_("105.0 sampai 106.8")
    )
    privacy = serializers.ChoiceField(Privacy.choices, default=Privacy.BIASA)
    reporter_name = serializers.CharField(
        max_length=200, required=False, allow_blank=True
    )
    reporter_email = serializers.EmailField(required=False, allow_blank=True)
    reporter_phone = serializers.RegexField(
        r"^\+?[0-9 ()\-]{6,30}$", max_length=30, required=False, allow_blank=True
    )

    def validate(self, attrs):
        attrs = with_privacy(attrs)
        errors = location_errors(attrs.get("latitude"), attrs.get("longitude"))
        errors.update(identity_errors(attrs["privacy"], attrs))
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class ReportSubmitMultipartSerializer(ReportSubmitSerializer):
    """The same fields as a form, with up to 5 files (JPEG, PNG, WebP, PDF)."""

    files = serializers.ListField(
        child=serializers.FileField(), required=False, max_length=5
    )


class ReportReceiptSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Kode lacak, XXXXX-XXXXX."))
    status = serializers.CharField()
    follow_url = serializers.URLField(help_text=_("Halaman lacak di portal."))
    reply_token = serializers.CharField(
        help_text=_(
            "Rahasia pelapor untuk membalas, mengonfirmasi atau membuka kembali. "
            "Hanya diberikan sekali: simpan di perangkat."
        )
    )


class RefSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text=PLAIN_TEXT)


class DeadlineSerializer(serializers.Serializer):
    due = serializers.DateField()
    label = serializers.CharField(help_text=_("Mis. 'sisa 2 hari kerja'."))
    overdue = serializers.BooleanField()


class TimelineEntrySerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    actor_role = serializers.CharField()
    action = serializers.CharField()
    action_label = serializers.CharField()
    message = serializers.CharField(help_text=PLAIN_TEXT)
    opd = serializers.CharField(allow_null=True, help_text=PLAIN_TEXT)


class ReportPublicSerializer(serializers.Serializer):
    code = serializers.CharField()
    kind = RefSerializer()
    status = RefSerializer()
    category = RefSerializer()
    region = RefSerializer()
    opds = RefSerializer(many=True)
    submitted_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()
    deadline = DeadlineSerializer(allow_null=True)
    timeline = TimelineEntrySerializer(many=True)


class ReportReplySerializer(serializers.Serializer):
    token = serializers.CharField(max_length=200, help_text=_("reply_token."))
    action = serializers.ChoiceField(
        REPLY_ACTIONS,
        default="reply",
        help_text=_(
            "reply: menjawab/menambah berkas; confirm: laporan selesai; "
            "reopen: buka kembali (sekali, dengan alasan)."
        ),
    )
    message = serializers.CharField(
        max_length=DESCRIPTION_MAX, required=False, allow_blank=True
    )

    def validate(self, attrs):
        if attrs["action"] in ("reply", "reopen") and not attrs.get("message"):
            raise serializers.ValidationError(
                {"message": [_("Pesan atau alasan wajib diisi.")]}
            )
        return attrs


class ReportReplyMultipartSerializer(ReportReplySerializer):
    files = serializers.ListField(
        child=serializers.FileField(), required=False, max_length=5
    )


class ReportReplyResultSerializer(serializers.Serializer):
    code = serializers.CharField()
    status = serializers.CharField()

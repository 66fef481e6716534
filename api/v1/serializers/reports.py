"""Shapes of the complaint endpoints (/api/v1/reports/): what an app sends, the
receipt it gets once, and the public view of a report by its code.

The public view never holds the reporter's identity, the report's own text or
anything internal: it is what anyone holding the code may see on the portal's
``/lapor/lacak/`` page (status, category, place, OPDs, public timeline).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from api.v1.report_input import parse_coordinate
from cms.complaints import rules
from cms.complaints.models import DESCRIPTION_MAX, Category, Kind, Privacy
from cms.complaints.regions import REGIONS

from .common import PLAIN_TEXT

REPLY_ACTIONS = ("reply", "confirm", "reopen")


@extend_schema_field({"type": "number", "format": "double", "nullable": True})
class CoordinateField(serializers.Field):
    """A decimal degree given as a number or a string (blank: none); whether the
    pair is inside Banten is decided by ``cms.complaints.rules``."""

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
    # Lengths here only bound what is parsed and document the schema; the rules
    # themselves (and their messages) come from cms.complaints.rules in validate().
    title = serializers.CharField(max_length=rules.TITLE_MAX)
    description = serializers.CharField(max_length=DESCRIPTION_MAX)
    region = serializers.ChoiceField(
        REGIONS, help_text=_("Kode BPS kabupaten/kota di Banten, mis. 36.04.")
    )
    address = serializers.CharField(
        max_length=rules.ADDRESS_MAX, required=False, allow_blank=True
    )
    latitude = CoordinateField(
        required=False,
        allow_null=True,
        help_text=f"{rules.LAT_MIN} sampai {rules.LAT_MAX}",
    )
    longitude = CoordinateField(
        required=False,
        allow_null=True,
        help_text=f"{rules.LONG_MIN} sampai {rules.LONG_MAX}",
    )
    privacy = serializers.ChoiceField(Privacy.choices, default=Privacy.BIASA)
    reporter_name = serializers.CharField(
        max_length=rules.NAME_MAX, required=False, allow_blank=True
    )
    reporter_email = serializers.CharField(
        max_length=rules.EMAIL_MAX, required=False, allow_blank=True
    )
    reporter_phone = serializers.CharField(
        max_length=rules.PHONE_MAX, required=False, allow_blank=True
    )

    def validate(self, attrs):
        """The same rules ``services.submit`` enforces, answered before the
        submission budget is spent; field names are the model's."""
        attrs = rules.with_privacy(attrs)
        if errors := rules.report_errors(attrs):
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

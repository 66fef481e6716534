"""Shapes of the information-request endpoints (/api/v1/information-requests/):
what a client sends, the receipt it gets once (with the requester's secret
token), the requester's own view, objections, and the public register.

The public register never holds the requester's identity or contacts: it is
``cms.ppid.selectors.public_register``'s columns, as on the portal's
/ppid/register/. The requester's view holds the request's own text but not the
identity either (a leaked token shows no NIK, address or phone).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cms.opd.models import OPDPage
from cms.opd.selectors import opd_list
from cms.ppid import rules
from cms.ppid.grounds import OBJECTION_GROUNDS
from cms.ppid.models import DeliveryMethod, ObtainMethod, RequesterKind

from .common import PLAIN_TEXT
from .reports import DeadlineSerializer, RefSerializer


class OPDSlugField(serializers.SlugRelatedField):
    """A public OPD by slug (its PPID Pelaksana); text PostgreSQL cannot hold (NUL)
    or longer than any slug is refused before the query."""

    def get_queryset(self):
        # Read when validating, not at import (the visibility rule queries).
        return opd_list()

    def to_internal_value(self, data):
        if not isinstance(data, str) or "\x00" in data or len(data) > 120:
            self.fail("invalid")
        return super().to_internal_value(data)


class RequestSubmitSerializer(serializers.Serializer):
    requester_kind = serializers.ChoiceField(RequesterKind.choices)
    requester_name = serializers.CharField(max_length=200)
    identity_number = serializers.CharField(
        max_length=100,
        help_text=_(
            "Perorangan/kelompok: NIK 16 angka (kelompok: NIK perwakilan). "
            "Badan hukum: nomor akta atau pengesahan."
        ),
    )
    email = serializers.CharField(max_length=254, required=False, allow_blank=True)
    phone = serializers.CharField(max_length=30, required=False, allow_blank=True)
    address = serializers.CharField(max_length=500, required=False, allow_blank=True)
    information_requested = serializers.CharField(max_length=3000)
    purpose = serializers.CharField(max_length=1000)
    obtain_method = serializers.ChoiceField(ObtainMethod.choices)
    delivery_method = serializers.ChoiceField(DeliveryMethod.choices)
    addressed_opd = OPDSlugField(
        slug_field="slug",
        queryset=OPDPage.objects.all(),
        required=False,
        allow_null=True,
        help_text=_(
            "Slug OPD (lihat /api/v1/opd/) untuk PPID Pelaksana-nya; kosong atau "
            "null: PPID Utama provinsi."
        ),
    )

    def validate(self, attrs):
        """The same rules ``request_submit`` enforces, field names the model's. A
        badan hukum's document (multipart ``identity_upload``, in the context) is
        read once here: ``identity_upload`` is then the cleaned file."""
        self.identity_upload = None
        upload = self.context.get(rules.UPLOAD_FIELD)
        errors = {}
        if upload and attrs.get("requester_kind") == RequesterKind.BADAN_HUKUM:
            try:
                self.identity_upload = rules.identity_document_clean(upload)
            except DjangoValidationError as error:
                errors[rules.UPLOAD_FIELD] = error.messages
        for name, messages in rules.request_errors(attrs, self.identity_upload).items():
            errors.setdefault(name, messages)
        if errors:
            raise serializers.ValidationError(errors)
        return attrs


class RequestSubmitMultipartSerializer(RequestSubmitSerializer):
    """The same fields as a form, with the badan hukum's legal document (PDF,
    JPEG or PNG; required for ``badan_hukum``)."""

    identity_upload = serializers.FileField(
        required=False, help_text=_("Akta atau pengesahan badan hukum (PDF).")
    )


class RequestReceiptSerializer(serializers.Serializer):
    register_number = serializers.CharField(help_text=_("Mis. PPID/2026/000123."))
    status = RefSerializer()
    filed_on = serializers.DateField()
    addressed_to = serializers.CharField(help_text=PLAIN_TEXT)
    deadline = DeadlineSerializer(help_text=_("Batas jawaban PPID (10 hari kerja)."))
    token = serializers.CharField(
        help_text=_(
            "Rahasia pemohon untuk header X-Request-Token. Hanya diberikan sekali."
        )
    )
    page_url = serializers.URLField(help_text=_("Halaman pemohon di portal."))


class AnswerDocumentSerializer(serializers.Serializer):
    name = serializers.CharField()
    content_type = serializers.CharField()
    size = serializers.IntegerField()
    url = serializers.URLField(help_text=_("Tautan bertanda tangan, berlaku terbatas."))


class RequestObjectionSerializer(serializers.Serializer):
    filed_on = serializers.DateField()
    grounds = serializers.ListField(child=serializers.CharField())
    reason = serializers.CharField()
    due_on = serializers.DateField()
    answered_on = serializers.DateField(allow_null=True)
    outcome = RefSerializer(allow_null=True)
    answer_text = serializers.CharField(allow_blank=True)


class RequestObjectionWindowSerializer(serializers.Serializer):
    open = serializers.BooleanField()
    until = serializers.DateField(allow_null=True)
    grounds = serializers.ListField(
        child=serializers.CharField(),
        help_text=_("Huruf Pasal 35 ayat (1) yang boleh."),
    )


class RequestTimelineSerializer(serializers.Serializer):
    at = serializers.DateTimeField()
    actor_role = serializers.CharField()
    action = serializers.CharField()
    action_label = serializers.CharField()
    message = serializers.CharField(allow_blank=True, help_text=PLAIN_TEXT)


class RequestDecisionSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    decided_on = serializers.DateField(allow_null=True)
    text = serializers.CharField(allow_blank=True)
    redaction_note = serializers.CharField(allow_blank=True)
    exemption_article = serializers.CharField(allow_blank=True)
    exemption_entry = serializers.CharField(allow_null=True)
    consequence_test = serializers.CharField(allow_blank=True)
    referral = serializers.CharField(allow_blank=True)


class RequestMineSerializer(serializers.Serializer):
    register_number = serializers.CharField()
    status = RefSerializer()
    filed_on = serializers.DateField()
    addressed_to = serializers.CharField()
    handled_by = serializers.CharField(allow_null=True)
    information_requested = serializers.CharField()
    purpose = serializers.CharField()
    obtain_method = RefSerializer()
    delivery_method = RefSerializer()
    deadline = DeadlineSerializer(allow_null=True)
    extension_reason = serializers.CharField(allow_blank=True)
    decision = RequestDecisionSerializer(allow_null=True)
    documents = AnswerDocumentSerializer(many=True)
    objections = RequestObjectionSerializer(many=True)
    objection_window = RequestObjectionWindowSerializer()
    timeline = RequestTimelineSerializer(many=True)


class ObjectionFileSerializer(serializers.Serializer):
    grounds = serializers.ListField(
        child=serializers.ChoiceField(sorted(OBJECTION_GROUNDS)),
        min_length=1,
        max_length=len(OBJECTION_GROUNDS),
        help_text=_("Huruf alasan Pasal 35 ayat (1) UU 14/2008, a sampai g."),
    )
    reason = serializers.CharField(max_length=3000)


class RegisterRowSerializer(serializers.Serializer):
    register_number = serializers.CharField()
    filed_on = serializers.DateField()
    information_requested = serializers.CharField(help_text=PLAIN_TEXT)
    opd = serializers.CharField(allow_null=True, help_text=_("Null: PPID Utama."))
    status = RefSerializer()
    decision = RefSerializer(allow_null=True)
    decided_on = serializers.DateField(allow_null=True)


class RegisterPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = RegisterRowSerializer(many=True)

"""Citizens' reports for mobile apps (docs/api/reports.md):

- ``POST /reports/`` submits (JSON, or multipart with files) and answers the code
  and the reporter's secret ``reply_token``, given this once only;
- ``GET /reports/{code}/`` the public view anyone holding the code may see;
- ``POST /reports/{code}/replies/`` the reporter replies, confirms or reopens with
  the token in the body.

Not session-authenticated (API keys or nobody), so there is no CSRF to enforce:
a forged cross-site POST carries no credential the server would honour. Answers
are ``private, no-store``: a status change shows at once, and nothing here enters
the API's response cache or its fast path (``CachedReadMixin`` is not used).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, PermissionDenied, Throttled
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from api.v1.errors import NO_STORE
from api.v1.report_limits import (
    ReportReplyThrottle,
    ReportSubmitThrottle,
    spend_email_budget,
)
from api.v1.report_public import public_data
from api.v1.serializers.errors import ErrorSerializer, error_responses
from api.v1.serializers.reports import (
    ReportPublicSerializer,
    ReportReceiptSerializer,
    ReportReplyMultipartSerializer,
    ReportReplyResultSerializer,
    ReportReplySerializer,
    ReportSubmitMultipartSerializer,
    ReportSubmitSerializer,
)
from api.v1.throttling import KeyOrAddressRateThrottle, client_ip
from cms.complaints import services
from cms.complaints.models import Source
from cms.complaints.public import find_public
from cms.complaints.uploads import validate_uploads
from cms.core.public_urls import public_url
from cms.core.secret_links import token_matches

FOLLOW_PATH = "/lapor/lacak/?kode={code}"
_TOKEN_REFUSED = {
    403: OpenApiResponse(ErrorSerializer, description="Token pelapor tidak sah.")
}
_UNSUPPORTED = {
    415: OpenApiResponse(ErrorSerializer, description="Jenis isi tidak didukung.")
}


def _as_api_error(error: DjangoValidationError) -> serializers.ValidationError:
    """A domain ValidationError (services, uploads) as the API's 400."""
    return serializers.ValidationError(serializers.as_serializer_error(error))


def _clean_files(request) -> list:
    files = request.FILES.getlist("files") if request.FILES else []
    try:
        return validate_uploads(files)
    except DjangoValidationError as error:
        raise serializers.ValidationError({"files": error.messages}) from None


def _find(code: str):
    report = find_public(code)
    if report is None:
        raise NotFound(_("Tidak ada laporan dengan kode ini."))
    return report


class _ReportView(APIView):
    permission_classes = [AllowAny]
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    throttle_classes: list[type[BaseThrottle]] = [KeyOrAddressRateThrottle]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = NO_STORE
        return response


class ReportSubmitView(_ReportView):
    """Submit a report (pengaduan, aspirasi, permintaan informasi). The answer's
    ``reply_token`` is shown only now: the app keeps it to reply later."""

    throttle_classes = [KeyOrAddressRateThrottle, ReportSubmitThrottle]

    @extend_schema(
        tags=["laporan"],
        operation_id="reports_create",
        request={
            "application/json": ReportSubmitSerializer,
            "multipart/form-data": ReportSubmitMultipartSerializer,
        },
        responses={
            201: ReportReceiptSerializer,
            **error_responses(400),
            **_UNSUPPORTED,
        },
    )
    def post(self, request):
        serializer = ReportSubmitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        wait = spend_email_budget(serializer.validated_data.get("reporter_email"))
        if wait is not None:
            raise Throttled(wait)
        uploads = _clean_files(request)
        source = Source.API
        try:
            report, token = services.submit(
                data=serializer.validated_data,
                uploads=uploads,
                source=source,
                client_ip=client_ip(request),
            )
        except DjangoValidationError as error:
            raise _as_api_error(error) from None
        code = report.tracking_code
        body = {
            "code": code,
            "status": report.status,
            "follow_url": public_url(FOLLOW_PATH.format(code=code)),
            "reply_token": token,
        }
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["laporan"],
    responses={200: ReportPublicSerializer, **error_responses(404)},
)
class ReportDetailView(_ReportView):
    """A report's public view by its tracking code (any case, dash optional)."""

    def get(self, request, code):
        return Response(ReportPublicSerializer(public_data(_find(code))).data)


class ReportReplyView(_ReportView):
    """The reporter answers a question (``reply``, files allowed), agrees the
    report is done (``confirm``) or reopens it once with a reason (``reopen``)."""

    throttle_classes = [KeyOrAddressRateThrottle, ReportReplyThrottle]

    @extend_schema(
        tags=["laporan"],
        operation_id="reports_replies_create",
        request={
            "application/json": ReportReplySerializer,
            "multipart/form-data": ReportReplyMultipartSerializer,
        },
        responses={
            200: ReportReplyResultSerializer,
            **error_responses(400, 404),
            **_TOKEN_REFUSED,
            **_UNSUPPORTED,
        },
    )
    def post(self, request, code):
        report = _find(code)
        serializer = ReportReplySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        # Before any file is read: a wrong token costs no image re-encoding.
        if not token_matches(data["token"], report.reply_token_hash):
            raise PermissionDenied(_("Token pelapor tidak sah."))
        uploads = _clean_files(request) if data["action"] == "reply" else []
        try:
            with transaction.atomic():
                self._run(report, data, uploads)
        except services.InvalidToken:
            raise PermissionDenied(_("Token pelapor tidak sah.")) from None
        except DjangoValidationError as error:
            detail = serializers.as_serializer_error(error)
            if "reason" in detail:  # the service's name for our "message"
                detail["message"] = detail.pop("reason")
            raise serializers.ValidationError(detail) from None
        return Response({"code": report.tracking_code, "status": report.status})

    @staticmethod
    def _run(report, data, uploads):
        token, message = data["token"], data.get("message", "")
        if data["action"] == "reply":
            services.reporter_reply(report, token, message, uploads)
        elif data["action"] == "confirm":
            services.confirm(report, token)
        else:
            services.reopen(report, token, message)

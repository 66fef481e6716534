"""Information requests to the PPID (docs/api/information-requests.md):

- ``POST /information-requests/`` files a request (JSON, or multipart with a
  badan hukum's legal document) and answers its register number, deadline and
  the requester's secret ``token``, given this once only;
- ``GET /information-requests/mine/`` the requester's own view, by the token in
  the ``X-Request-Token`` header (never in the URL: URLs end up in logs);
- ``POST /information-requests/mine/objections/`` an objection (keberatan);
- ``GET /information-requests/register/`` the public register, no identity.

Not session-authenticated, so no CSRF. Answers are ``private, no-store``; the
requester's and the register's answers change with every decision.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound, Throttled
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from api.v1.errors import NO_STORE
from api.v1.information_request_data import (
    addressed_to,
    deadline_data,
    mine_data,
    ref,
    register_row,
)
from api.v1.information_request_limits import (
    RequestSubmitThrottle,
    TokenUseThrottle,
    spend_email_budget,
)
from api.v1.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, page_size_from
from api.v1.serializers.errors import ErrorSerializer, error_responses
from api.v1.serializers.information_requests import (
    ObjectionFileSerializer,
    RegisterPageSerializer,
    RegisterRowSerializer,
    RequestMineSerializer,
    RequestObjectionSerializer,
    RequestReceiptSerializer,
    RequestSubmitMultipartSerializer,
    RequestSubmitSerializer,
)
from api.v1.throttling import KeyOrAddressRateThrottle
from cms.core.public_urls import public_url
from cms.ppid import selectors, services
from cms.ppid.rules import UPLOAD_FIELD

TOKEN_HEADER = "X-Request-Token"  # noqa: S105 (a header name, not a secret)
TAGS = ["permohonan-informasi"]
_UNSUPPORTED = {
    415: OpenApiResponse(ErrorSerializer, description="Jenis isi tidak didukung.")
}
_TOKEN = OpenApiParameter(
    TOKEN_HEADER,
    # The lengths ``_by_token`` looks up; absent or empty is a 400.
    {"type": "string", "minLength": 20, "maxLength": 200},
    location=OpenApiParameter.HEADER,
    required=True,
    description=_("Token rahasia pemohon dari tanda terima."),
)


def _as_api_error(error: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(serializers.as_serializer_error(error))


def _by_token(request):
    """The request the header's token opens; 404 for an unknown one (nothing
    tells a guess apart from a typo); 400 without the header (a client bug)."""
    token = request.headers.get(TOKEN_HEADER, "")
    if not token:
        raise serializers.ValidationError(
            {TOKEN_HEADER: [_("Header ini wajib (token dari tanda terima).")]}
        )
    found = selectors.find_by_token(token) if 20 <= len(token) <= 200 else None
    if found is None:
        raise NotFound(_("Tidak ada permohonan dengan token ini."))
    return found, token


class _RequestView(APIView):
    permission_classes = [AllowAny]
    parser_classes = [JSONParser]
    throttle_classes: list[type[BaseThrottle]] = [KeyOrAddressRateThrottle]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = NO_STORE
        return response


class RequestSubmitView(_RequestView):
    """File an information request. The answer's ``token`` is shown only now."""

    parser_classes = [JSONParser, MultiPartParser, FormParser]
    throttle_classes = [KeyOrAddressRateThrottle, RequestSubmitThrottle]

    @extend_schema(
        tags=TAGS,
        operation_id="information_requests_create",
        request={
            "application/json": RequestSubmitSerializer,
            "multipart/form-data": RequestSubmitMultipartSerializer,
        },
        responses={
            201: RequestReceiptSerializer,
            **error_responses(400),
            **_UNSUPPORTED,
        },
    )
    def post(self, request):
        upload = request.FILES.get(UPLOAD_FIELD) if request.FILES else None
        serializer = RequestSubmitSerializer(
            data=request.data, context={UPLOAD_FIELD: upload}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        wait = spend_email_budget(data.get("email"))
        if wait is not None:
            raise Throttled(wait)
        try:
            info_request, token = services.request_submit(
                data=data, identity_upload=serializer.identity_upload, source="api"
            )
        except DjangoValidationError as error:
            raise _as_api_error(error) from None
        page = f"/ppid/permohonan/{token}/"
        body = {
            "register_number": info_request.register_number,
            "status": ref(info_request.status, info_request.get_status_display()),
            "filed_on": info_request.filed_on,
            "addressed_to": addressed_to(info_request),
            "deadline": deadline_data(info_request.due_on),
            "token": token,
            "page_url": public_url(page),
        }
        return Response(body, status=status.HTTP_201_CREATED)


class RequestMineView(_RequestView):
    """The requester's own request: status, deadline, decision, documents (signed
    links), objections and the public timeline."""

    throttle_classes = [KeyOrAddressRateThrottle, TokenUseThrottle]

    @extend_schema(
        tags=TAGS,
        operation_id="information_requests_mine",
        parameters=[_TOKEN],
        responses={200: RequestMineSerializer, **error_responses(400, 404)},
    )
    def get(self, request):
        info_request, _token = _by_token(request)
        data = mine_data(info_request, request.build_absolute_uri)
        return Response(RequestMineSerializer(data).data)


class ObjectionFileView(_RequestView):
    """An objection (keberatan) on the grounds of UU 14/2008 art. 35(1), while
    the window is open (``objection_window`` in the requester's view)."""

    throttle_classes = [KeyOrAddressRateThrottle, TokenUseThrottle]

    @extend_schema(
        tags=TAGS,
        operation_id="information_requests_objections_create",
        parameters=[_TOKEN],
        request=ObjectionFileSerializer,
        responses={
            201: RequestObjectionSerializer,
            **error_responses(400, 404),
            **_UNSUPPORTED,
        },
    )
    def post(self, request):
        info_request, token = _by_token(request)
        serializer = ObjectionFileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            objection = services.objection_file(
                request=info_request, token=token, **serializer.validated_data
            )
        except DjangoPermissionDenied:
            raise NotFound(_("Tidak ada permohonan dengan token ini.")) from None
        except DjangoValidationError as error:
            raise _as_api_error(error) from None
        data = {
            "filed_on": objection.filed_on,
            "grounds": list(objection.grounds),
            "reason": objection.reason,
            "due_on": objection.due_on,
            "answered_on": None,
            "outcome": None,
            "answer_text": "",
        }
        return Response(
            RequestObjectionSerializer(data).data, status=status.HTTP_201_CREATED
        )


class RegisterPagination(PageNumberPagination):
    """Numbered pages (``page``, ``page_size`` up to 100): the register is read
    by people and reports, not mirrored. A page that does not exist is a 400
    naming ``page``, not DRF's 404."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return page_size_from(request.query_params, self.page_size)

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            raise serializers.ValidationError(
                {"page": [_("Halaman tidak ada.")]}
            ) from None


class RegisterView(_RequestView):
    """The public register: number, date, information asked, OPD, status and
    decision of every request; never who asked."""

    @extend_schema(
        tags=TAGS,
        operation_id="information_requests_register",
        parameters=[
            OpenApiParameter(
                "page",
                {"type": "integer", "minimum": 1},
                description=_("Nomor halaman, mulai 1."),
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1},
                description=_("1 sampai 100 (lebih dari 100 dibatasi 100)."),
            ),
        ],
        responses={200: RegisterPageSerializer, **error_responses(400)},
    )
    def get(self, request):
        paginator = RegisterPagination()
        rows = paginator.paginate_queryset(selectors.public_register(), request, self)
        data = RegisterRowSerializer([register_row(r) for r in rows], many=True).data
        return paginator.get_paginated_response(data)

"""GET /api/v1/search/ and /api/v1/search/suggest/: public, read-only.

Bad parameters give 400 naming them (``error.fields``); Elasticsearch being
unreachable gives 503 with ``Retry-After``: never a 500 for any input. Errors have
the API's one shape (``api/v1/errors.py``).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from api.v1.errors import error_response
from api.v1.serializers.errors import ErrorSerializer, error_responses
from api.v1.serializers.search import (
    SearchResponseSerializer,
    SuggestionSerializer,
    SuggestResponseSerializer,
)
from search.queries.params import (
    DEFAULT_PAGE_SIZE,
    KATEGORI_LABELS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    TYPE_LABELS,
    InvalidParams,
    parse_search_params,
    parse_suggest_query,
)
from search.queries.public import SearchUnavailable, search_public, suggest_public

UNAVAILABLE = _("Pencarian sedang tidak tersedia. Silakan coba lagi beberapa saat.")
RETRY_AFTER_SECONDS = "30"


class _PublicSearchView(APIView):
    permission_classes = [AllowAny]

    def handle_search_errors(self, run):
        try:
            return run()
        except InvalidParams as error:
            raise ValidationError(error.errors) from None
        except SearchUnavailable:
            return error_response(
                status.HTTP_503_SERVICE_UNAVAILABLE,
                UNAVAILABLE,
                headers={"Retry-After": RETRY_AFTER_SECONDS},
            )


def _csv(name: str, description: str, enum=None) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        description=description + " Beberapa nilai dipisah koma berarti ATAU.",
        enum=None if enum is None else sorted(enum),
        explode=False,
        style="form",
    )


_UNAVAILABLE_RESPONSE = {
    503: OpenApiResponse(
        ErrorSerializer, description="Mesin pencari tidak tersedia; lihat Retry-After."
    )
}


@extend_schema(
    tags=["pencarian"],
    parameters=[
        OpenApiParameter(
            "q",
            OpenApiTypes.STR,
            description=f"Kata kunci (paling panjang {MAX_QUERY_LENGTH} karakter).",
        ),
        _csv("opd", "Slug OPD."),
        _csv("type", "Jenis konten.", TYPE_LABELS),
        _csv("kategori", "Kategori DIP.", KATEGORI_LABELS),
        _csv("year", "Tahun (1945-2100)."),
        _csv("series", "Slug seri."),
        OpenApiParameter(
            "page", OpenApiTypes.INT, description=f"Halaman 1-{MAX_PAGE}."
        ),
        OpenApiParameter(
            "page_size",
            OpenApiTypes.INT,
            description=f"1-{MAX_PAGE_SIZE}, bawaan {DEFAULT_PAGE_SIZE}.",
        ),
    ],
    responses={
        200: SearchResponseSerializer,
        **error_responses(400),
        **_UNAVAILABLE_RESPONSE,
    },
)
class SearchView(_PublicSearchView):
    def get(self, request):
        def run():
            params = parse_search_params(request.query_params)
            result = search_public(params)
            return Response(SearchResponseSerializer(result).data)

        return self.handle_search_errors(run)


@extend_schema(
    tags=["pencarian"],
    parameters=[OpenApiParameter("q", OpenApiTypes.STR, description="Awal kata.")],
    responses={
        200: SuggestResponseSerializer,
        **error_responses(400),
        **_UNAVAILABLE_RESPONSE,
    },
)
class SuggestView(_PublicSearchView):
    def get(self, request):
        def run():
            q = parse_suggest_query(request.query_params)
            rows = suggest_public(q)
            return Response({"suggestions": SuggestionSerializer(rows, many=True).data})

        return self.handle_search_errors(run)

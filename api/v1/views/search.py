"""GET /api/v1/search/ and /api/v1/search/suggest/: public, read-only.

Bad parameters give 400 naming them (``error.fields``): never a 500 for any input.
Elasticsearch being unreachable is not an error: the database answers and the
response says ``"degraded": true``. Errors have the API's one shape
(``api/v1/errors.py``).
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

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
from search.queries.public import search_public, suggest_public


class _PublicSearchView(APIView):
    permission_classes = [AllowAny]

    def handle_search_errors(self, run):
        try:
            return run()
        except InvalidParams as error:
            raise ValidationError(error.errors) from None


def _csv(name: str, description: str, enum=None) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        description=description + " Beberapa nilai dipisah koma berarti ATAU.",
        enum=None if enum is None else sorted(enum),
        explode=False,
        style="form",
    )


# The search engine being down is not one: the database answers ("degraded").
_UNAVAILABLE_RESPONSE = {
    503: OpenApiResponse(
        ErrorSerializer,
        description="Layanan sementara tidak tersedia (basis data); lihat Retry-After.",
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
            return Response(
                {
                    "suggestions": SuggestionSerializer(rows, many=True).data,
                    "degraded": rows.degraded,
                    "degraded_reason": rows.degraded_reason,
                }
            )

        return self.handle_search_errors(run)

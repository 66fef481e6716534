"""GET /api/v1/search/ and /api/v1/search/suggest/: public, read-only.

Bad parameters give 400 naming them (``error.fields``): never a 500 for any input.
Elasticsearch being unreachable is not an error: the database answers and the
response says ``"degraded": true``. Errors have the API's one shape
(``api/v1/errors.py``).

Like every other GET they carry an ETag and answer ``If-None-Match`` with 304
(``CachedReadMixin``), but are not kept server-side: the answer follows the search
index, which catches up after the publish that bumps the content generation. A
degraded answer says ``no-cache`` (clients revalidate; the index may be back).
"""

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from api.v1.caching import CachedReadMixin
from api.v1.serializers.errors import ErrorSerializer, error_responses
from api.v1.serializers.search import (
    SearchResponseSerializer,
    SuggestionSerializer,
    SuggestResponseSerializer,
    search_response_data,
)
from search.queries.params import (
    DEFAULT_PAGE_SIZE,
    FILTER_NAMES,
    KATEGORI_LABELS,
    MAX_PAGE,
    MAX_PAGE_SIZE,
    MAX_QUERY_LENGTH,
    MAX_VALUES,
    TYPE_LABELS,
    YEAR_MAX,
    YEAR_MIN,
    InvalidParams,
    parse_search_params,
    parse_suggest_query,
)
from search.queries.public import search_public, suggest_public


class _PublicSearchView(CachedReadMixin, APIView):
    permission_classes = [AllowAny]
    server_cache = False
    # The answer follows the index, which lags a publish by about a second, and
    # is never stored: anonymous searches spend their rate limit through leases
    # (api/v1/throttling.py) and read the generation once a second per process
    # (api/v1/caching.py). A search then costs no cache round trip.
    rate_limit_mostly_local = True
    generation_may_lag = True

    def finalize_response(self, request, response, *args, **kwargs):
        if getattr(response, "data", None) and response.data.get("degraded"):
            response["Cache-Control"] = "no-cache"
        return super().finalize_response(request, response, *args, **kwargs)

    def handle_search_errors(self, run):
        try:
            _check_as_documented(self.request.query_params)
            return run()
        except InvalidParams as error:
            raise ValidationError(error.errors) from None


def _check_as_documented(query) -> None:
    """The schema's limits, counted as a client counts them: ``q`` as sent (before
    spaces collapse), every value of a list (duplicates too). The parser checks
    the rest."""
    errors = {}
    if any(len(q) > MAX_QUERY_LENGTH for q in query.getlist("q")):
        errors["q"] = [
            str(_("Kata kunci paling panjang %(max)d karakter."))
            % {"max": MAX_QUERY_LENGTH}
        ]
    for name in ("page", "page_size"):
        if "" in query.getlist(name):
            errors[name] = [str(_("Nilai kosong tidak diizinkan."))]
    for name in FILTER_NAMES:
        values = [v.strip() for raw in query.getlist(name) for v in raw.split(",")]
        if not all(values):  # as the other endpoints (api/v1/filters.py)
            errors[name] = [str(_("Nilai kosong tidak diizinkan."))]
        elif len(values) > MAX_VALUES:
            errors[name] = [
                str(_("Paling banyak %(max)d nilai.")) % {"max": MAX_VALUES}
            ]
    if errors:
        raise InvalidParams(errors)


def _csv(name: str, description: str, items: dict) -> OpenApiParameter:
    """A comma-separated list, its items described exactly: a schema-valid request
    is one the view accepts (an outside fuzzer relies on that)."""
    return OpenApiParameter(
        name,
        {"type": "array", "items": items, "maxItems": MAX_VALUES},
        description=description + " Beberapa nilai dipisah koma berarti ATAU.",
        explode=False,
        style="form",
    )


def _int(minimum: int, maximum: int) -> dict:
    return {"type": "integer", "minimum": minimum, "maximum": maximum}


_SLUG = {"type": "string", "pattern": r"^[-\w]{1,100}$"}


_Q_PARAMETER = OpenApiParameter(
    "q",
    {"type": "string", "maxLength": MAX_QUERY_LENGTH},
    description="Kata kunci.",
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
        _Q_PARAMETER,
        _csv("opd", "Slug OPD.", _SLUG),
        _csv("type", "Jenis konten.", {"type": "string", "enum": sorted(TYPE_LABELS)}),
        _csv(
            "kategori",
            "Kategori DIP.",
            {"type": "string", "enum": sorted(KATEGORI_LABELS)},
        ),
        _csv("year", f"Tahun ({YEAR_MIN}-{YEAR_MAX}).", _int(YEAR_MIN, YEAR_MAX)),
        _csv("series", "Slug seri.", _SLUG),
        OpenApiParameter("page", _int(1, MAX_PAGE), description="Halaman."),
        OpenApiParameter(
            "page_size",
            {**_int(1, MAX_PAGE_SIZE), "default": DEFAULT_PAGE_SIZE},
            description="Hasil per halaman.",
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
            return Response(search_response_data(result))

        return self.handle_search_errors(run)


@extend_schema(
    tags=["pencarian"],
    parameters=[_Q_PARAMETER],
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

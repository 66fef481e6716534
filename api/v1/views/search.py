"""GET /api/v1/search/ and /api/v1/search/suggest/: public, read-only.

Bad parameters give 400 naming them (``error.fields``); Elasticsearch being
unreachable gives 503 with ``Retry-After``: never a 500 for any input. Errors have
the API's one shape (``api/v1/errors.py``).
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from api.v1.errors import error_response
from api.v1.serializers.search import SearchResponseSerializer, SuggestionSerializer
from search.params import InvalidParams, parse_search_params, parse_suggest_query
from search.query import SearchUnavailable, search_public, suggest_public

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


class SearchView(_PublicSearchView):
    def get(self, request):
        def run():
            params = parse_search_params(request.query_params)
            result = search_public(params)
            return Response(SearchResponseSerializer(result).data)

        return self.handle_search_errors(run)


class SuggestView(_PublicSearchView):
    def get(self, request):
        def run():
            q = parse_suggest_query(request.query_params)
            rows = suggest_public(q)
            return Response({"suggestions": SuggestionSerializer(rows, many=True).data})

        return self.handle_search_errors(run)

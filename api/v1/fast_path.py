"""Cached public API responses answered before URL resolution and DRF.

An anonymous GET of plain JSON whose response is in the server cache needs only the
rate limit and the cache entry, which one Redis round trip returns together
(``cms.core.rate_limits.spend``). Answering it here skips URL resolution, DRF's request
wrapping, negotiation and dispatch: on small responses that work costs more than the
cache itself. Everything else (keys, other media types, misses, the rate-limited)
goes on to the views unchanged; the request carries what was spent, so its rate is
never counted twice.

The middleware sits after every middleware that adds headers to API answers
(settings ``MIDDLEWARE``; after it come only CSRF, authentication and messages, which
the API does not use, the redirects, which act on 404s, and the portal's page cache,
which leaves ``/api/`` alone), so those headers come from their owners as on any
response; the view's own headers are replayed from the entry
(``caching.response_from_cache``). tests/api/access/test_fast_path.py compares its
answers header for header with the uncached response and the view's own hit.
"""

from django.conf import settings

from api.v1 import response_cache
from api.v1.caching import JSON, asks_for_plain_json, response_from_cache
from api.v1.throttling import PREFETCHED, SPENT, client_ip, general_budget
from cms.core.cache_client import CACHE_ERRORS
from cms.core.rate_limits import spend

PREFIX = "/api/v1/"
# Answers never stored (the search views: ``server_cache = False``), so never
# found here: their own throttle counts them (mostly without a round trip).
NEVER_STORED = ("/api/v1/search/",)


class _Negotiated:
    """What ``entry_name`` reads of a DRF request, for a plain Django one."""

    def __init__(self, request):
        self._request = request
        self.accepted_media_type = JSON
        self.auth = None

    def __getattr__(self, name):
        return getattr(self._request, name)


class CachedAPIReadMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _eligible(request):
            response = self._from_cache(request)
            if response is not None:
                return response
        return self.get_response(request)

    def _from_cache(self, request):
        ident, limit = general_budget(None, client_ip(request))
        name = response_cache.entry_name(_Negotiated(request))
        try:
            if limit is None:
                found = response_cache.get_many(response_cache.names_to_read(name))
                allowed = True
            else:
                allowed, _retry, found = spend(
                    ident,
                    *limit,
                    also_get=response_cache.names_to_read(name),
                )
                setattr(request, SPENT, allowed)
                setattr(request, PREFETCHED, found)
        except CACHE_ERRORS:
            return None
        if not allowed:
            return None  # the view answers 429 in the API's error shape
        _generation, entry = response_cache.lookup(name, found=found)
        if entry is None or entry.headers is None:
            return None  # a miss, or an entry without the view's headers
        return response_from_cache(request, entry)


def _eligible(request) -> bool:
    meta = request.META
    return (
        request.method == "GET"
        and request.path.startswith(PREFIX)
        and not request.path.startswith(NEVER_STORED)
        and getattr(settings, "API_FAST_PATH", True)
        and "HTTP_AUTHORIZATION" not in meta
        and "HTTP_X_API_KEY" not in meta
        and asks_for_plain_json(meta)
    )

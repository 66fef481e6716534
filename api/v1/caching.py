"""HTTP and server-side caching of public GETs, for every resource view (through
the base classes in ``api/v1/base.py``).

Every successful GET/HEAD gets:

- ``ETag``: a strong validator, a hash of the body; ``Last-Modified``: the current
  content generation (time of the last publish-like change, see
  ``cms/core/content_generation.py``). ``If-None-Match``/``If-Modified-Since``
  answer 304 without a body.
- ``Cache-Control: public, max-age=API_CACHE_MAX_AGE,
  stale-while-revalidate=API_CACHE_STALE_WHILE_REVALIDATE``; responses that may show
  drafts (``shows_drafts``), responses to callers holding a "preview" key, and
  errors: ``private, no-store``.
- ``Vary: Accept, Authorization, X-Api-Key`` (CORS adds ``Origin``, the locale
  middleware ``Accept-Language``).

Public 200 responses are also kept server-side (``response_cache.py``), with the
headers the view gave them. A hit costs authentication, throttling and one cache
round trip: no serializer, no SQL. The checks run first, so a revoked key or an
exhausted budget is refused even when the response is cached; refusals and errors
are never stored. Anonymous plain-JSON hits are answered earlier still, by
``fast_path.py``, through the same ``response_from_cache``. The design:
docs/adr/007-api-and-portal-caching.md.
"""

import hashlib
import time

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from rest_framework.response import Response
from rest_framework.settings import api_settings

from api.v1 import public_lookups, response_cache
from api.v1.errors import NO_STORE
from cms.core.content_generation import (
    GENERATION_KEY,
    ensure_generation,
    recent_generation,
)

DEFAULT_MAX_AGE = 60
DEFAULT_STALE_WHILE_REVALIDATE = 30
VARY = ("Accept", "Authorization", "X-Api-Key")
_READ_METHODS = ("GET", "HEAD")
JSON = "application/json"
#: ``Accept`` headers answered as plain JSON without DRF's content negotiation.
PLAIN_JSON_ACCEPTS = frozenset({"", "*/*", JSON})
_CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)
# Set per request by ``validated`` (or kept as ``content_type``): not part of the
# view's headers a stored entry replays.
_PER_REQUEST_HEADERS = frozenset(
    {"content-type", "etag", "last-modified", "cache-control"}
)


def asks_for_plain_json(meta) -> bool:
    """True when a request (its ``META``) gets plain JSON without negotiating: one
    of the usual ``Accept`` headers and no ``?format=`` override. The view's
    negotiation and the fast path both ask here, so they agree on which requests
    share the plain-JSON cache entries."""
    format_override = f"{api_settings.URL_FORMAT_OVERRIDE}="
    return meta.get("HTTP_ACCEPT", "") in PLAIN_JSON_ACCEPTS and (
        format_override not in meta.get("QUERY_STRING", "")
    )


def body_etag(body: bytes) -> str:
    return f'"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'


def public_cache_control() -> str:
    max_age = getattr(settings, "API_CACHE_MAX_AGE", DEFAULT_MAX_AGE)
    stale = getattr(
        settings, "API_CACHE_STALE_WHILE_REVALIDATE", DEFAULT_STALE_WHILE_REVALIDATE
    )
    return f"public, max-age={max_age}, stale-while-revalidate={stale}"


def validated(request, response, etag, generation):
    """Set the validators and caching headers; answer 304 when the client's copy
    is current. ``generation`` None: no Last-Modified (not known)."""
    response["ETag"] = etag
    if generation is not None:
        # A generation bumped several times in one second runs ahead of the
        # clock: never announce a future date (it still validates exactly).
        response["Last-Modified"] = http_date(min(generation, int(time.time())))
    if "Cache-Control" not in response:
        response["Cache-Control"] = public_cache_control()
    if not any(header in request.META for header in _CONDITIONAL_HEADERS):
        return response
    return get_conditional_response(
        request, etag=etag, last_modified=generation, response=response
    )


def response_from_cache(request, entry, private: bool = False) -> HttpResponse:
    """A stored response as its view answered it: body, content type and the view's
    own headers (``Allow``, ``Vary``), with validators, or a 304. The middleware
    around the view add theirs as on any response."""
    response = HttpResponse(entry.body, content_type=entry.content_type)
    if private:
        response["Cache-Control"] = NO_STORE
    response = validated(request, response, entry.etag, entry.generation)
    for name, value in entry.headers or ():
        response[name] = value
    return response


class _CacheHit(Exception):
    """Not an error: the way out of ``initial`` with a cached response."""

    def __init__(self, response):
        self.response = response


class CachedReadMixin:
    """For DRF read views. Subclasses keep writing ordinary ``list``/``retrieve``
    code; a view whose output may include drafts for some callers overrides
    ``shows_drafts``."""

    #: Keep rendered responses server-side (off for views whose output is not a
    #: function of the URL alone).
    server_cache = True
    #: Answers that follow the search index and are never stored: the content
    #: generation as this process read it within the last second will do
    #: (``recent_generation``; the index lags a publish by about as much).
    generation_may_lag = False
    # Per request (DRF makes a view instance per request).
    cache_entry_name = cache_generation = prefetched = None

    def shows_drafts(self, request) -> bool:
        """True when this caller may get unpublished content here (preview): the
        response is then ``private, no-store`` and never kept server-side."""
        return False

    def initial(self, request, *args, **kwargs):
        """DRF's checks (content negotiation, authentication, permissions,
        throttling), then the server-side cache: a hit skips the handler, leaving
        through ``handle_exception`` (DRF's documented hooks, no copy of its
        ``dispatch``)."""
        super().initial(request, *args, **kwargs)
        response = self._cached_response(request)
        if response is not None:
            raise _CacheHit(response)
        generation = self.cache_generation
        if generation is None and self.prefetched is not None:
            # Read with the rate limit; started if the cache has none yet.
            generation = self.prefetched.get(GENERATION_KEY) or ensure_generation()
        elif generation is None and self.generation_may_lag:
            generation = recent_generation()
        self._lookups_token = public_lookups.answering_under(generation, request)

    def handle_exception(self, exc):
        if isinstance(exc, _CacheHit):
            return exc.response
        return super().handle_exception(exc)

    def perform_content_negotiation(self, request, force=False):
        """JSON is the only format: the usual ``Accept`` headers are answered
        without DRF's parsing (it costs as much as the cache look-up); any other
        goes through it (and may get 406)."""
        renderers = self.get_renderers()
        if (
            len(renderers) == 1
            and renderers[0].media_type == JSON
            and not self.format_kwarg
            and asks_for_plain_json(request.META)
        ):
            return renderers[0], JSON
        return super().perform_content_negotiation(request, force)

    def _uses_server_cache(self, request) -> bool:
        return (
            request.method in _READ_METHODS
            and self.server_cache
            and getattr(settings, "API_SERVER_CACHE", True)  # off: benchmarks
            and not self.shows_drafts(request)
        )

    def cache_names_to_prefetch(self, request) -> list[str]:
        """Asked by the rate limiter (after authentication): cache entries it reads
        in its own round trip, so a hit costs one round trip in all."""
        if not self._uses_server_cache(request):
            # The generation alone, for the per-process lookups (public_lookups.py).
            return [GENERATION_KEY] if request.method in _READ_METHODS else []
        self.cache_entry_name = response_cache.entry_name(request)
        return response_cache.names_to_read(self.cache_entry_name)

    def _cached_response(self, request):
        if not self._uses_server_cache(request):
            return None
        if self.cache_entry_name is None:
            self.cache_entry_name = response_cache.entry_name(request)
        self.cache_generation, entry = response_cache.lookup(
            self.cache_entry_name, found=self.prefetched
        )
        if entry is None:
            return None
        return response_from_cache(
            request, entry, private=response_cache.caller_may_preview(request)
        )

    def finalize_response(self, request, response, *args, **kwargs):
        token = self.__dict__.pop("_lookups_token", None)
        if token is not None:
            public_lookups.done(token)
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, VARY)
        if not isinstance(response, Response):
            return response  # a cache hit (already complete) or a 304 of one
        if request.method not in _READ_METHODS or response.status_code != 200:
            response.setdefault("Cache-Control", NO_STORE)
            return response
        body = response.render().content
        etag = body_etag(body)
        if self.shows_drafts(request) or response_cache.caller_may_preview(request):
            response["Cache-Control"] = NO_STORE
        if self.cache_generation is None:  # drafts, cache off or unreachable
            return validated(request, response, etag, None)
        view_headers = tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in _PER_REQUEST_HEADERS
        )
        response_cache.store(
            self.cache_entry_name,
            response_cache.CachedResponse(
                self.cache_generation,
                etag,
                response["Content-Type"],
                body,
                view_headers,
            ),
        )
        return validated(request, response, etag, self.cache_generation)

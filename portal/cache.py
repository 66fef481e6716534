"""Page cache of the portal: whole rendered pages for anonymous readers, in the
shared Django cache (Redis), keyed by host + URL + language + content generation.

The content generation changes after the commit of every publish, unpublish, move or
delete, so a publish makes every cached page stale at once without scanning keys;
stale entries simply expire (``PORTAL_PAGE_CACHE_TTL`` seconds, also the bound on
how long a serta-merta banner outlives its period and a signed media URL is reused).

Only what is the same for every reader is stored: GET, status 200, a request
without a session (no logged-in editor, no page-password pass, no messages), a
response setting no cookie, not private, not a preview. Pages opt in: Wagtail pages
through the ``before_serve_page`` hook (``wagtail_hooks``), portal views through
``@cacheable``. The design: docs/adr/007-api-and-portal-caching.md.
"""

import hashlib
import logging
from functools import cache as cache_function
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from cms.core import generation_copies
from cms.core.framework_internals import csrf_token_used, messages_added

logger = logging.getLogger(__name__)

CACHE_HEADER = "X-Portal-Cache"
_FLAG = "_portal_cacheable"


_NEVER_CACHED = ("/api/", "/open311/", "/healthz")


def ttl() -> int:
    return int(getattr(settings, "PORTAL_PAGE_CACHE_TTL", 300))


def current_generation(*, recent: bool = False):
    """The content generation, or None when the cache is unreachable. ``recent``:
    as this process read it within the last second (``recent_generation``), for
    a page that is never stored and follows the search index anyway."""
    from cms.core import content_generation

    if recent:
        return content_generation.recent_generation()
    return content_generation.ensure_generation()


def mark_cacheable(request) -> None:
    setattr(request, _FLAG, True)


def cacheable(view):
    """Let the page cache store this view's responses (see the module doc)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        mark_cacheable(request)
        return view(request, *args, **kwargs)

    return wrapper


def _reader_is_anonymous(request) -> bool:
    if request.method != "GET" or ttl() <= 0:
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False  # editors, page-password passes, queued messages
    if "messages" in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _key(request, generation) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"portal:page:{generation}:{get_language()}:{digest}"


@cache_function
def _search_path() -> str:
    return reverse("portal-search")


def _never_stored(request) -> bool:
    """The search page: one page per query, never opted in (portal/search_views.py),
    so looking it up would be a round trip for nothing. Its small lookups are kept
    per generation, read at most once a second: its results follow the search
    index, which lags a publish by about as much (the API's search does the same,
    api/v1/throttling.py)."""
    return request.path_info == _search_path()


def _storable(request, response) -> bool:
    if not getattr(request, _FLAG, False) or getattr(request, "is_preview", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if csrf_token_used(request):
        return False  # the page holds a per-reader CSRF token
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    if messages_added(request):
        return False
    control = response.get("Cache-Control", "")
    return "private" not in control and "no-store" not in control


class PortalPageCacheMiddleware:
    """Serve and store cached portal pages. Sits after the authentication, locale
    and message middleware, so it knows the reader and the language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The API keeps its own response cache (api/v1/caching.py) and never opts in
        # here: skip the two look-ups a portal page costs; health probes must touch
        # no dependency they do not check (docs/operations.md).
        if request.path_info.startswith(_NEVER_CACHED) or not _reader_is_anonymous(
            request
        ):
            return self.get_response(request)
        never_stored = _never_stored(request)
        generation = current_generation(recent=never_stored)
        if generation is None:
            return self.get_response(request)
        key = None if never_stored else _key(request, generation)
        try:
            cached = None if key is None else cache.get(key)
        except Exception:  # a cache outage must not take the portal down
            logger.exception("Portal page cache read failed")
            cached = None
        if cached is not None:
            return self._from_cache(cached)
        # Small lookups the page repeats are kept per process for this generation.
        token = generation_copies.answering_under(generation)
        try:
            response = self.get_response(request)
        finally:
            generation_copies.done(token)
        if key is not None and _storable(request, response):
            self._store(key, response)
            response[CACHE_HEADER] = "miss"
        return response

    @staticmethod
    def _from_cache(cached) -> HttpResponse:
        content_type, content, language = cached
        response = HttpResponse(content, content_type=content_type)
        response["Content-Language"] = language
        patch_vary_headers(response, ("Cookie", "Accept-Language"))
        response[CACHE_HEADER] = "hit"
        return response

    @staticmethod
    def _store(key, response) -> None:
        cached = (response["Content-Type"], response.content, get_language())
        try:
            cache.set(key, cached, timeout=ttl())
        except Exception:
            logger.exception("Portal page cache write failed")

"""The server-side cache of rendered public API responses (in the shared cache:
Redis), used by ``CachedReadMixin``.

One entry per response variant: scheme, host, path, query (parameters sorted by
name), language, accepted media type, and whether the caller may see drafts.
Anonymous callers and read keys share entries; a key with the "preview" scope gets
entries of its own OPD (so a view that ever showed it a draft could not leak it to
anyone else), though views that show drafts are not cached at all.

An entry remembers the content generation it was rendered under
(``cms/core/content_generation.py``) and is served only while that generation is
current. Generation and entry come back in one round trip (MGET). Redis unreachable:
every request renders from the database (fail open, never stale). The design:
docs/adr/007-api-and-portal-caching.md.
"""

import contextlib
import hashlib
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language

from api.keys.models import APIKey
from cms.core.cache_client import CACHE_ERRORS, get_many
from cms.core.content_generation import GENERATION_KEY, ensure_generation

ENTRY_PREFIX = "api:v1:response:"
DEFAULT_TTL = 300


class CachedResponse(NamedTuple):
    generation: int
    etag: str
    content_type: str
    body: bytes
    # The view's own headers (``Allow``, ``Vary``), replayed on a hit. None in
    # entries stored before the field existed: the fast path leaves those to the
    # view, which adds its headers itself.
    headers: tuple[tuple[str, str], ...] | None = None


def normalised_query(query_string: str) -> str:
    """The same query whatever the parameter order (values of a repeated parameter
    keep their order) and percent-encoding."""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda pair: pair[0]))


def caller_may_preview(request) -> bool:
    key = getattr(request, "auth", None)
    return isinstance(key, APIKey) and key.allows("preview")


def _caller_variant(request) -> str:
    if not caller_may_preview(request):
        return "public"
    return f"preview:{request.auth.opd_id or 'province'}"


def entry_name(request) -> str:
    return _entry_name(
        _caller_variant(request),
        request.scheme,
        request.get_host(),
        request.path,
        request.META.get("QUERY_STRING", ""),
        get_language() or "",
        getattr(request, "accepted_media_type", "") or "",
    )


@lru_cache(maxsize=4096)  # on the hit path: parsing and hashing cost a cache look-up
def _entry_name(*parts: str) -> str:
    variant, scheme, host, path, query, language, media_type = parts
    normalised = "|".join(
        (variant, scheme, host, path, normalised_query(query), language, media_type)
    )
    digest = hashlib.blake2b(normalised.encode(), digest_size=16).hexdigest()
    return ENTRY_PREFIX + digest


def names_to_read(name: str) -> list[str]:
    return [GENERATION_KEY, name]


def lookup(name: str, found: dict | None = None) -> tuple[int | None, CachedResponse]:
    """(current generation, the entry if it is current). Generation None: the cache
    is unreachable, so nothing may be stored either. ``found``: ``names_to_read``
    already read (by the rate limiter, in its round trip)."""
    if found is None:
        try:
            found = get_many(names_to_read(name))
        except CACHE_ERRORS:
            return None, None
    generation = found.get(GENERATION_KEY)
    if generation is None:
        return ensure_generation(), None
    entry = found.get(name)
    if entry is not None and entry.generation != generation:
        entry = None
    return generation, entry


def store(name: str, entry: CachedResponse) -> None:
    ttl = getattr(settings, "API_SERVER_CACHE_TTL", DEFAULT_TTL)
    with contextlib.suppress(*CACHE_ERRORS):
        cache.set(name, entry, timeout=ttl)

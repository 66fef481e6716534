"""Reads of API keys, on the hot path of every keyed request: answered from the
shared cache (one round trip) and refreshed from the database.

Cached records are rewritten after every commit that changes a key (``services.py``),
so a revocation takes effect on the next request. Records also expire after
``RECORD_TTL`` seconds: the bound if Redis was unreachable at the moment of the
change.
"""

import contextlib
import hashlib

from django.core.cache import cache

from api.keys.models import APIKey
from cms.core.cache_client import CACHE_ERRORS, get_many

RECORD_TTL = 60
ORIGINS_TTL = 300
ORIGINS_NAME = "api:key-origins"
MISSING_KEY = 0  # cached "no key has this hash" (an int is stored without pickling)


def hash_key(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def record_name(key_hash: str) -> str:
    return f"api:key:{key_hash}"


def used_marker_name(key_hash: str) -> str:
    return f"api:key-used:{key_hash}"


def api_key_by_hash(key_hash: str) -> tuple[APIKey | None, bool]:
    """The key with this hash (active or revoked) or None, and whether its use was
    recorded in the last minute (``services.api_key_mark_used``)."""
    names = [record_name(key_hash), used_marker_name(key_hash)]
    try:
        found = get_many(names)
    except CACHE_ERRORS:
        # No cache: the database answers; last use is not recorded per request.
        return _key_from_db(key_hash), True
    record = found.get(names[0])
    if record is None:
        record = _key_from_db(key_hash)
        # add, not set: never overwrite what a commit just wrote (services.py).
        with contextlib.suppress(*CACHE_ERRORS):
            cache.add(names[0], MISSING_KEY if record is None else record, RECORD_TTL)
    key = record if isinstance(record, APIKey) else None
    return key, names[1] in found


def _key_from_db(key_hash: str) -> APIKey | None:
    return APIKey.objects.filter(key_hash=key_hash).first()


def active_key_origins() -> frozenset[str]:
    """Every origin some active key allows: the origins a CORS preflight for a keyed
    request may come from."""
    try:
        origins = cache.get(ORIGINS_NAME)
    except CACHE_ERRORS:
        return active_key_origins_from_db()
    if origins is None:
        origins = active_key_origins_from_db()
        with contextlib.suppress(*CACHE_ERRORS):
            cache.add(ORIGINS_NAME, origins, ORIGINS_TTL)
    return origins


def active_key_origins_from_db() -> frozenset[str]:
    rows = APIKey.objects.filter(revoked_at__isnull=True).values_list(
        "allowed_origins", flat=True
    )
    return frozenset(origin for origins in rows for origin in origins)

"""Writes of API keys: issue, revoke, record use."""

import secrets

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from api.keys.models import APIKey
from api.keys.selectors import hash_key, used_marker_name
from cms.core.cache_client import CACHE_ERRORS

KEY_PREFIX = "spg_"
USE_RECORD_INTERVAL = 60  # seconds between two writes of ``last_used_at``


def _new_secret() -> tuple[str, str]:
    """(visible prefix, full key). 256 random bits after the prefix."""
    prefix = KEY_PREFIX + secrets.token_hex(4)
    return prefix, f"{prefix}.{secrets.token_urlsafe(32)}"


def api_key_issue(*, key: APIKey, created_by=None) -> str:
    """Give the unsaved ``key`` a fresh secret and save it. Returns the full key: the
    only time it exists outside the caller's hands (only its hash is stored)."""
    key.created_by = created_by
    for _attempt in range(3):  # the 32-bit prefix must be unique
        key.prefix, secret = _new_secret()
        key.key_hash = hash_key(secret)
        try:
            with transaction.atomic():
                key.save()
        except IntegrityError:
            continue
        return secret
    raise RuntimeError("Could not generate a unique API key prefix")


def api_key_create(*, created_by=None, **fields) -> tuple[APIKey, str]:
    """A new key from model fields (name, opd, scopes, allowed_origins,
    rate_per_minute). Returns the key and its full secret."""
    key = APIKey(**fields)
    key.full_clean(exclude=["prefix", "key_hash"])
    return key, api_key_issue(key=key, created_by=created_by)


def api_key_revoke(*, key: APIKey, revoked_by=None) -> APIKey:
    """Revoke now; the next request with the key gets 401. Idempotent."""
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.revoked_by = revoked_by
        key.save(update_fields=["revoked_at", "revoked_by"])
    return key


def api_key_mark_used(key: APIKey) -> None:
    """Record that ``key`` was used, at most once a minute per key: the cache marker
    decides, so most requests write nothing."""
    try:
        first_this_minute = cache.add(
            used_marker_name(key.key_hash), 1, USE_RECORD_INTERVAL
        )
    except CACHE_ERRORS:
        return
    if first_this_minute:
        APIKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())

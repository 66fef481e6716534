"""Writes of API keys: issue, revoke, record use, and the cached records that
follow them.

After every commit that changes a key, its cached record is *rewritten* (not just
deleted): a request that read the old row just before the commit uses ``cache.add``
and so can't put the old state back (``selectors.py``). Every write of a key goes
through this module; an OPD deleted with its keys is followed through the change
events.
"""

import logging
import secrets

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from api.keys import selectors
from api.keys.models import APIKey
from api.keys.selectors import hash_key, used_marker_name
from cms.core.cache_client import CACHE_ERRORS
from cms.core.changes import Change, ContentChange, Stage, subscribe
from cms.core.commit import after_commit

logger = logging.getLogger(__name__)

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
        _refresh_after_commit([key.key_hash])
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
        _refresh_after_commit([key.key_hash])
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


def _refresh_after_commit(key_hashes) -> None:
    key_hashes = list(key_hashes)

    def refresh():
        api_key_records_refresh(key_hashes)

    after_commit(refresh)


def api_key_records_refresh(key_hashes) -> None:
    """Rewrite the cached records of these keys (and the CORS origin list) from
    the committed rows; a deleted key is cached as missing."""
    records = {
        key.key_hash: key for key in APIKey.objects.filter(key_hash__in=key_hashes)
    }
    try:
        for key_hash in key_hashes:
            record = records.get(key_hash)
            cache.set(
                selectors.record_name(key_hash),
                selectors.MISSING_KEY if record is None else record,
                selectors.RECORD_TTL,
            )
        cache.set(
            selectors.ORIGINS_NAME,
            selectors.active_key_origins_from_db(),
            selectors.ORIGINS_TTL,
        )
    except CACHE_ERRORS:
        logger.exception("Could not refresh %d cached API key(s)", len(key_hashes))


def on_opd_deleting(change: ContentChange) -> None:
    """An OPD's keys go with it (cascade): their cached records must follow."""
    hashes = list(
        APIKey.objects.filter(opd_id=change.page_id).values_list("key_hash", flat=True)
    )
    if hashes:
        _refresh_after_commit(hashes)


def subscribe_to_changes() -> None:
    subscribe(on_opd_deleting, stage=Stage.RECORD, kinds={Change.DELETED})

"""At most ``LIVE_MAX_CONNECTIONS_PER_USER`` open live connections per user, across
every web process: each open tab holds a slot that expires unless its stream
renews it (a process that died frees its slots within ``SLOT_SECONDS``).

Counted in Redis beside the cache (one sorted set per user, scored by expiry) or
in memory in the embedded setup. Redis unreachable: the per-process cap still
holds and the user is let in (fail open, like the rate limits).
"""

import contextlib
import threading
import time
import uuid

from django.conf import settings

from cms.core.cache_client import CACHE_ERRORS, cache_key, redis_client, run_script

SLOT_SECONDS = 45  # > the stream's heartbeat, which renews the slot

# KEYS[1]: the user's set; ARGV: now, expiry, slot id, limit.
_ACQUIRE = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[1], 120)
return 1
"""

_memory: dict[int, dict[str, float]] = {}
_lock = threading.Lock()


def _key(user_id: int) -> str:
    return cache_key(f"live:slots:{user_id}")


def limit() -> int:
    return settings.LIVE_MAX_CONNECTIONS_PER_USER


def acquire(user_id: int) -> str | None:
    """A new slot's id, or None when the user already holds ``limit()``."""
    slot, now = uuid.uuid4().hex, time.time()
    if redis_client() is None:
        with _lock:
            slots = {k: v for k, v in _memory.get(user_id, {}).items() if v > now}
            if len(slots) >= limit():
                _memory[user_id] = slots
                return None
            slots[slot] = now + SLOT_SECONDS
            _memory[user_id] = slots
        return slot
    try:
        taken = run_script(
            _ACQUIRE, [_key(user_id)], [now, now + SLOT_SECONDS, slot, limit()]
        )
    except CACHE_ERRORS:
        return slot
    return slot if taken else None


def renew(user_id: int, slot: str) -> None:
    expiry = time.time() + SLOT_SECONDS
    client = redis_client()
    if client is None:
        with _lock:
            _memory.setdefault(user_id, {})[slot] = expiry
        return
    with contextlib.suppress(*CACHE_ERRORS):
        client.zadd(_key(user_id), {slot: expiry}, xx=True)


def release(user_id: int, slot: str) -> None:
    client = redis_client()
    if client is None:
        with _lock:
            _memory.get(user_id, {}).pop(slot, None)
        return
    with contextlib.suppress(*CACHE_ERRORS):
        client.zrem(_key(user_id), slot)

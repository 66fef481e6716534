"""Rate limits counted in the shared cache (Redis in production and tests), so every
web worker sees the same counts: the API's budgets (``api/v1/throttling.py``) and
the complaint budgets every door spends alike (``cms/complaints/rate_limits.py``:
portal, API and Open311 submissions share one budget per address and per email).

Counting is a sliding window approximated from two fixed windows (the current count
plus the previous window's, weighted by how much of it still overlaps), done by one
Lua script: one round trip per request, atomic across workers, and no burst of twice
the rate at a window boundary. Refused requests are not counted. The public search
spends through leases instead (``spend_mostly_local``): several requests counted in
one round trip, allowed from memory for up to a second.

Redis unreachable: ``spend`` raises ``CACHE_ERRORS``; ``spend_scope`` allows (fail
open): a limit is a fairness guard, not a security boundary.
"""

import math
import threading
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from cms.core.cache_client import (
    CACHE_ERRORS,
    cache_key,
    decoded,
    redis_client,
    run_script,
)

# The counters' names (the API's counters came first: its test fixtures and
# docs/adr/007 name the prefix).
PREFIX = "api:rate"

# KEYS: current window, previous window, then any keys to read along (the response
# cache's entries: one round trip for both). ARGV: limit, elapsed fraction, ttl and
# (optional, default 1) how many requests to count at once, for a lease
# (``spend_mostly_local``): as many as the window has room for are granted.
# Returns {requests granted, current count, previous count, value of each extra key}.
_SLIDING_WINDOW_SCRIPT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local limit = tonumber(ARGV[1])
local weight = 1 - tonumber(ARGV[2])
local wanted = tonumber(ARGV[4] or '1')
local granted = math.min(wanted, math.floor(limit - previous * weight - current))
if granted < 1 then
  granted = 0
else
  current = redis.call('INCRBY', KEYS[1], granted)
  redis.call('EXPIRE', KEYS[1], ARGV[3])
end
local result = {granted, current, previous}
for i = 3, #KEYS do
  result[i + 1] = redis.call('GET', KEYS[i])
end
return result
"""

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@lru_cache(maxsize=64)
def parse_rate(rate: str | None) -> tuple[int, int] | None:
    """``"120/min"`` -> (120, 60). None or empty means no limit."""
    if not rate:
        return None
    number, period = rate.split("/")
    return int(number), _PERIODS[period.strip()[0].lower()]


def spend(
    ident: str, limit: int, period: int, also_get: list[str] = ()
) -> tuple[bool, int | None, dict]:
    """Count one request against ``limit`` per ``period`` seconds for ``ident``.
    Returns (allowed, seconds until a request would be allowed again, the cache
    entries named in ``also_get``, read in the same round trip)."""
    granted, retry_after, found = _spend(ident, limit, period, also_get)
    return granted > 0, retry_after, found


def _spend(ident, limit, period, also_get=(), wanted=1):
    """``spend`` counting up to ``wanted`` requests at once: (how many the window
    had room for, retry-after when none, the entries read along)."""
    now = time.time()
    window = int(now // period)
    elapsed = (now % period) / period
    names = [f"{PREFIX}:{ident}:{period}:{w}" for w in (window, window - 1)]
    args = [limit, elapsed, period * 2, wanted]
    if redis_client() is None:  # local memory cache (single process): fixed window
        cache.add(names[0], 0, timeout=period * 2)
        current, previous = cache.get(names[0], 0), 0
        granted = max(0, min(wanted, limit - current))
        if granted:
            current = cache.incr(names[0], granted)
        found = cache.get_many(also_get) if also_get else {}
    else:
        keys = [cache_key(n) for n in (*names, *also_get)]
        granted, current, previous, *values = run_script(
            _SLIDING_WINDOW_SCRIPT, keys, args
        )
        found = decoded(also_get, values)
    if granted:
        return granted, None, found
    retry_after = _seconds_until_allowed(limit, period, elapsed, current, previous)
    return 0, retry_after, found


class _Lease:
    """Requests of one counter this process has counted ahead and may still allow."""

    __slots__ = ("expires", "left", "size", "used")

    def __init__(self):
        self.expires, self.left, self.size, self.used = float("-inf"), 0, 0, 0


_leases: dict[tuple[str, int], _Lease] = {}
_leases_lock = threading.Lock()
MAX_LEASES = 10_000


def spend_mostly_local(ident: str, limit: int, period: int) -> tuple[bool, int | None]:
    """``spend`` for a busy client without a round trip per request (the public
    search: one round trip less on nearly every request of a busy client).

    The process counts requests ahead in the shared window, a lease, and allows
    them from memory for at most ``RATE_LIMIT_LOCAL_SECONDS``. A lease is as large
    as the client's recent pace in this process (doubling while it runs out, one
    request for a client that comes now and then), at most ``limit /
    RATE_LIMIT_LOCAL_SHARE``, and never more than the window has room for. Every
    allowed request is counted before it is served, so however many processes
    serve a client, it never gets more than its limit; what a lease leaves unused
    when the client stops stays counted, so a client slowing down may be refused
    up to one lease early."""
    share = getattr(settings, "RATE_LIMIT_LOCAL_SHARE", 20)
    most = max(1, limit // share) if share else 1
    max_age = min(getattr(settings, "RATE_LIMIT_LOCAL_SECONDS", 1.0), period)
    now = time.monotonic()
    with _leases_lock:
        lease = _leases.get((ident, period))
        if lease is None:
            if len(_leases) >= MAX_LEASES:
                _forget_expired(now)
            lease = _leases[(ident, period)] = _Lease()
        if lease.left and now < lease.expires:
            lease.left -= 1
            lease.used += 1
            return True, None
        ran_out = now < lease.expires  # used up within its time: the pace grew
        wanted = min(most, max(1, lease.size * 2 if ran_out else lease.used))
        lease.left = lease.used = 0
    granted, retry_after, _found = _spend(ident, limit, period, wanted=wanted)
    if granted:
        with _leases_lock:  # another thread may have taken a lease meanwhile: keep both
            lease.size, lease.expires = granted, now + max_age
            lease.left += granted - 1
            lease.used += 1
    return granted > 0, retry_after


def _forget_expired(now: float) -> None:
    for key in [k for k, lease in _leases.items() if lease.expires <= now]:
        del _leases[key]


def forget_leases() -> None:
    """Tests: as a fresh process."""
    with _leases_lock:
        _leases.clear()


def _seconds_until_allowed(limit, period, elapsed, current, previous) -> int:
    """When the weighted count leaves room for one more request."""
    if current + 1 <= limit and previous:
        # Later in this window, as the previous window's weight shrinks.
        needed = 1 - (limit - current - 1) / previous
        return max(1, math.ceil((needed - elapsed) * period))
    # Only in the next window, once this window's weight has shrunk enough.
    needed = 1 - (limit - 1) / current if current else 0
    return max(1, math.ceil((1 - elapsed + max(0.0, needed)) * period))


def scope_rate(scope: str) -> tuple[int, int] | None:
    """The rate of a named budget, from ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``
    (where DRF reads its own), or None (no limit)."""
    rates = getattr(settings, "REST_FRAMEWORK", {}).get("DEFAULT_THROTTLE_RATES", {})
    return parse_rate(rates.get(scope))


def hashed_ident(value: str) -> str:
    """A keyed hash (SECRET_KEY-derived) of an address or email naming a counter:
    no personal data in Redis, and the same name whichever door counts it."""
    digest = salted_hmac("cms.core.rate_limits", value, algorithm="sha256")
    return digest.hexdigest()[:32]


def spend_scope(scope: str, value: str) -> int | None:
    """Count one request of the budget ``scope`` for ``value`` (an address, an email,
    ``key:<pk>``), hashed. None when allowed (also with no rate, no value or Redis
    down), else the seconds to wait."""
    limit = scope_rate(scope)
    if limit is None or not value:
        return None
    try:
        allowed, retry_after, _found = spend(f"{scope}:{hashed_ident(value)}", *limit)
    except CACHE_ERRORS:
        return None
    return None if allowed else retry_after

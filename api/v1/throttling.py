"""Rate limits per API key and per client address, counted in the shared cache
(Redis in production and tests), so every web worker sees the same counts.

Budgets: a keyed request spends its key's budget (the key's own requests/minute, or
the ``key`` rate); an anonymous one its address's (``anon`` rate). Rates live in
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` (env ``API_RATE_ANON``/``API_RATE_KEY``).

Counting is a sliding window approximated from two fixed windows (the current count
plus the previous window's, weighted by how much of it still overlaps), done by one
Lua script: one round trip per request, atomic across workers, and no burst of twice
the rate at a window boundary. Refused requests are not counted.

Redis unreachable: requests are allowed (fail open): the API stays up; the limit is
a fairness guard, not a security boundary.
"""

import math
import time
from functools import lru_cache

from django.core.cache import cache
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from cms.core.cache_client import (
    CACHE_ERRORS,
    cache_key,
    decoded,
    redis_client,
    run_script,
)
from cms.core.client_address import client_ip

# KEYS: current window, previous window, then any keys to read along (the response
# cache's entries: one round trip for both). ARGV: limit, elapsed fraction, ttl.
# Returns {allowed, current count, previous count, value of each extra key}.
_SLIDING_WINDOW_SCRIPT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local limit = tonumber(ARGV[1])
local weight = 1 - tonumber(ARGV[2])
local allowed = 1
if previous * weight + current + 1 > limit then
  allowed = 0
else
  current = redis.call('INCR', KEYS[1])
  redis.call('EXPIRE', KEYS[1], ARGV[3])
end
local result = {allowed, current, previous}
for i = 3, #KEYS do
  result[i + 1] = redis.call('GET', KEYS[i])
end
return result
"""

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}

# Set on a request whose anonymous rate the fast path (fast_path.py) already spent:
# True when allowed, so the throttle does not count it again.
SPENT = "_api_rate_spent"


@lru_cache(maxsize=64)
def parse_rate(rate: str | None) -> tuple[int, int] | None:
    """``"120/min"`` -> (120, 60). None or empty means no limit."""
    if not rate:
        return None
    number, period = rate.split("/")
    return int(number), _PERIODS[period.strip()[0].lower()]


class KeyOrAddressRateThrottle(BaseThrottle):
    """Keyed requests share their key's budget; anonymous ones their address's."""

    def allow_request(self, request, view) -> bool:
        from api.keys.models import APIKey  # DRF imports throttles before apps load

        self.retry_after = None
        key = request.auth if isinstance(request.auth, APIKey) else None
        if key is None and getattr(request, SPENT, False):
            return True  # counted (and allowed) by the fast path
        rates = api_settings.DEFAULT_THROTTLE_RATES
        if key is not None:
            ident = f"key:{key.pk}"
            limit = (
                (key.rate_per_minute, 60)
                if key.rate_per_minute
                else parse_rate(rates.get("key"))
            )
        else:
            ident = f"ip:{client_ip(request)}"
            limit = parse_rate(rates.get("anon"))
        if limit is None:
            return True
        # A view may ask for cache entries read in the same round trip (the
        # response cache: a cached response then costs one round trip in all).
        prefetch = getattr(view, "cache_names_to_prefetch", None)
        names = prefetch(request) if prefetch else []
        try:
            allowed, self.retry_after, found = spend(ident, *limit, also_get=names)
        except CACHE_ERRORS:
            return True
        if names:
            view.prefetched = found
        return allowed

    def wait(self):
        return self.retry_after


def spend(
    ident: str, limit: int, period: int, also_get: list[str] = ()
) -> tuple[bool, int | None, dict]:
    """Count one request against ``limit`` per ``period`` seconds for ``ident``.
    Returns (allowed, seconds until a request would be allowed again, the cache
    entries named in ``also_get``, read in the same round trip)."""
    now = time.time()
    window = int(now // period)
    elapsed = (now % period) / period
    names = [f"api:rate:{ident}:{period}:{w}" for w in (window, window - 1)]
    args = [limit, elapsed, period * 2]
    if redis_client() is None:  # local memory cache (single process): fixed window
        cache.add(names[0], 0, timeout=period * 2)
        current, previous = cache.get(names[0], 0), 0
        allowed = current + 1 <= limit
        if allowed:
            current = cache.incr(names[0])
        found = cache.get_many(also_get) if also_get else {}
    else:
        keys = [cache_key(n) for n in (*names, *also_get)]
        allowed, current, previous, *values = run_script(
            _SLIDING_WINDOW_SCRIPT, keys, args
        )
        found = decoded(also_get, values)
    if allowed:
        return True, None, found
    retry_after = _seconds_until_allowed(limit, period, elapsed, current, previous)
    return False, retry_after, found


def _seconds_until_allowed(limit, period, elapsed, current, previous) -> int:
    """When the weighted count leaves room for one more request."""
    if current + 1 <= limit and previous:
        # Later in this window, as the previous window's weight shrinks.
        needed = 1 - (limit - current - 1) / previous
        return max(1, math.ceil((needed - elapsed) * period))
    # Only in the next window, once this window's weight has shrunk enough.
    needed = 1 - (limit - 1) / current if current else 0
    return max(1, math.ceil((1 - elapsed + max(0.0, needed)) * period))

"""Rate limits per API key and per client address, counted in the shared cache
(``cms.core.rate_limits``: a sliding window in Redis, one round trip per request),
so every web worker sees the same counts.

Budgets (``general_budget``, also spent by Open311): a keyed request spends its
key's budget (the key's own requests/minute, or the ``key`` rate); an anonymous
one its address's (``anon`` rate). Rates live in
``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` (env ``API_RATE_ANON``/``API_RATE_KEY``).

Redis unreachable: requests are allowed (fail open): the API stays up; the limit is
a fairness guard, not a security boundary.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

from cms.core.cache_client import CACHE_ERRORS
from cms.core.client_address import client_ip
from cms.core.rate_limits import parse_rate, spend, spend_mostly_local

__all__ = [
    "PREFETCHED",
    "SPENT",
    "KeyOrAddressRateThrottle",
    "client_ip",
    "general_budget",
]

# Set on a request whose anonymous rate the fast path (fast_path.py) already spent:
# True when allowed, so the throttle does not count it again.
SPENT = "_api_rate_spent"
# What the fast path read with the rate limit (the content generation, the response
# cache entry): the view uses it instead of a round trip of its own.
PREFETCHED = "_api_prefetched"


def general_budget(key, address: str) -> tuple[str, tuple[int, int] | None]:
    """The counter a request spends and its limit (None: no limit): its API key's
    when it has one, else its address's."""
    rates = api_settings.DEFAULT_THROTTLE_RATES
    if key is not None:
        limit = (
            (key.rate_per_minute, 60)
            if key.rate_per_minute
            else parse_rate(rates.get("key"))
        )
        return f"key:{key.pk}", limit
    return f"ip:{address}", parse_rate(rates.get("anon"))


class KeyOrAddressRateThrottle(BaseThrottle):
    """Keyed requests share their key's budget; anonymous ones their address's."""

    def allow_request(self, request, view) -> bool:
        from api.keys.models import APIKey  # DRF imports throttles before apps load

        self.retry_after = None
        key = request.auth if isinstance(request.auth, APIKey) else None
        if key is None and getattr(request, SPENT, False):
            # Counted (and allowed) by the fast path, which read the same names.
            view.prefetched = getattr(request, PREFETCHED, None)
            return True
        ident, limit = general_budget(key, client_ip(request))
        if key is None and getattr(view, "rate_limit_mostly_local", False):
            return self._mostly_local(view, ident, limit)
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

    def _mostly_local(self, view, ident, limit) -> bool:
        """An anonymous search: spent through leases (``spend_mostly_local``),
        mostly without a round trip; the view reads nothing along with it."""
        if limit is None:
            return True
        try:
            allowed, self.retry_after = spend_mostly_local(ident, *limit)
        except CACHE_ERRORS:
            return True
        return allowed

    def wait(self):
        return self.retry_after

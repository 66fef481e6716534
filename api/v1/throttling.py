"""Rate limits per API key and per client address, counted in the shared cache
(Redis in production and tests), so every web worker sees the same counts."""

from rest_framework.throttling import SimpleRateThrottle


class KeyOrAddressRateThrottle(SimpleRateThrottle):
    """Keyed requests share their key's budget (``key`` rate, or the key's own);
    anonymous ones their address's (``anon`` rate)."""

    scope = "anon"

    def allow_request(self, request, view):
        key = getattr(request, "auth", None)
        self.scope = "key" if key is not None else "anon"
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        key = getattr(request, "auth", None)
        if key is not None:
            return self.cache_format % {"scope": "key", "ident": key.pk}
        return self.cache_format % {"scope": "anon", "ident": self.get_ident(request)}

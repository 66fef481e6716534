"""Atomic Redis scripts run on the Django cache's own Redis connection.

Rate-limit counters and the content generation must change atomically across every
web worker, in one round trip (they sit on the hot path of every API request).
Django's cache API has no such operation, so these run as Lua scripts on the client
of the ``default`` cache. With another cache backend (local memory in the embedded
development setup: one process) callers fall back to plain cache calls.

Redis being unreachable raises ``CACHE_ERRORS``: callers fail open.
"""

from functools import cache as memoize

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from redis.commands.core import Script
from redis.exceptions import RedisError

# What a cache call raises when Redis is down or hangs up.
CACHE_ERRORS = (RedisError, OSError)


def redis_client():
    """The ``default`` cache's Redis client, or None when the cache is not Redis."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    return backend._cache.get_client(write=True)


def cache_key(name: str) -> str:
    """The Redis key of a cache entry named ``name`` (prefix and version applied),
    so scripts and ``cache.get`` see the same values."""
    return cache.make_and_validate_key(name)


@memoize
def _script(source: str) -> Script:
    # The client given here is only used to compute the script's SHA; every call
    # passes the current thread's client.
    return Script(redis_client(), source)


def run_script(source: str, keys: list[str], args: list) -> object:
    """EVALSHA (loading the script once per Redis server) on the cache's client."""
    client = redis_client()
    return _script(source)(keys=keys, args=args, client=client)

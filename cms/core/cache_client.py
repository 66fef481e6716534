"""The Django cache's own Redis client, used directly on the API's hot path.

Two reasons: rate-limit counters and the content generation must change atomically
across every web worker in one round trip (Lua scripts; Django's cache API has no
such operation); and every API request reads the cache, where Django's backend
builds a new client object per call (about as costly as the round trip itself).
Here each process keeps one client on a connection pool of Django's, and
values keep Django's encoding, so ``cache.get`` reads what is written here and back.

With another cache backend (local memory in the embedded development setup: one
process) ``redis_client()`` is None and callers use the plain cache API.
Redis unreachable raises ``CACHE_ERRORS``: callers fail open.
"""

from functools import cache as memoize

from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from redis.commands.core import Script
from redis.exceptions import RedisError

# What a cache call raises when Redis is down or hangs up.
CACHE_ERRORS = (RedisError, OSError)


_clients: dict[str, object] = {}  # server URL -> client (thread-safe, pooled)


def redis_client():
    """The process's client of the ``default`` cache's Redis, or None when the cache
    is not Redis. Kept per process, not per backend object: Django may hand each
    request a fresh backend (and with it a fresh pool and TCP connection), which
    cost more than the round trip itself. redis-py clients are thread-safe, and
    their pools reconnect after a fork."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        return None
    server = backend._cache._servers[0]
    client = _clients.get(server)
    if client is None:
        client = _clients[server] = backend._cache.get_client(write=True)
    return client


def cache_key(name: str) -> str:
    """The Redis key of the cache entry ``name`` (prefix and version applied)."""
    return cache.make_key(name)


def get_many(names: list[str]) -> dict:
    """``cache.get_many`` in one round trip on this thread's client."""
    client = redis_client()
    if client is None:
        return cache.get_many(names)
    return decoded(names, client.mget([cache_key(name) for name in names]))


def decoded(names, values) -> dict:
    """Raw values read from Redis for cache entries ``names``, as ``cache.get``
    would return them (absent entries left out)."""
    loads = caches["default"]._cache._serializer.loads
    return {
        name: loads(value)
        for name, value in zip(names, values, strict=True)
        if value is not None
    }


@memoize
def _script(source: str) -> Script:
    # The client given here only computes the script's SHA; each call passes the
    # current thread's client.
    return Script(redis_client(), source)


def run_script(source: str, keys: list[str], args: list) -> object:
    """EVALSHA (loading the script once per Redis server) on the cache's client."""
    return _script(source)(keys=keys, args=args, client=redis_client())

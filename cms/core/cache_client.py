"""A redis-py client of the ``default`` cache's Redis, used directly on the API's hot
path (docs/adr/007-api-and-portal-caching.md).

Two reasons: rate-limit counters and the content generation must change atomically
across every web worker in one round trip (Lua scripts; Django's cache API has no
such operation); and every API request reads the cache, where Django's backend
builds a new client object per call (about as costly as the round trip itself).

The client is built from the same settings as Django's ``RedisCache`` (``LOCATION``
and ``OPTIONS``, never its private attributes): the server it writes to (the first),
the same pool options, and its serializer, so ``cache.get`` reads what is written
here and back; keys come from ``cache.make_key``. tests/cms/core/test_cache_client.py
fails loudly if a Django upgrade changes how ``RedisCache`` stores values.

With another cache backend (local memory in the embedded development setup: one
process) ``redis_client()`` is None and callers use the plain cache API.
Redis unreachable raises ``CACHE_ERRORS``: callers fail open.
"""

import re
from functools import cache as memoize
from typing import Any, NamedTuple

import redis
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache, RedisSerializer
from django.utils.module_loading import import_string
from redis.commands.core import Script
from redis.exceptions import RedisError

# What a cache call raises when Redis is down or hangs up.
CACHE_ERRORS = (RedisError, OSError)


class _Connection(NamedTuple):
    client: redis.Redis
    serializer: Any  # dumps/loads, as Django's RedisCache encodes values


# LOCATION -> connection. Kept per process, not per backend object: Django may hand
# each request a fresh backend (and with it a fresh pool and TCP connection), which
# cost more than the round trip itself. redis-py clients are thread-safe, and their
# pools reconnect after a fork.
_connections: dict[str, _Connection] = {}


def _connection() -> _Connection | None:
    if not isinstance(caches["default"], RedisCache):
        return None
    config = settings.CACHES["default"]
    location = config["LOCATION"]
    name = location if isinstance(location, str) else ",".join(location)
    connection = _connections.get(name)
    if connection is None:
        # The backend's own defaults too (cms/core/failsafe_cache.py: timeouts and
        # the circuit breaker), so this client fails as fast as the cache does.
        defaults = getattr(caches["default"], "POOL_DEFAULTS", {})
        options = {**defaults, **config.get("OPTIONS", {})}
        connection = _connections[name] = _connect(name, options)
    return connection


def _built(option, default):
    """An option of Django's Redis backend given as an object or a dotted path."""
    option = option or default
    return import_string(option) if isinstance(option, str) else option


def _connect(location: str, options: dict) -> _Connection:
    # Django's RedisCache reads these OPTIONS; the rest go to the connection pool.
    options = dict(options)
    serializer = _built(options.pop("serializer", None), RedisSerializer)
    if callable(serializer):
        serializer = serializer()
    pool_class = _built(options.pop("pool_class", None), redis.ConnectionPool)
    parser_class = _built(options.pop("parser_class", None), None)
    if parser_class is not None:
        options["parser_class"] = parser_class
    # Django writes to the first server (the leader) and may read from the others;
    # reading the leader too sees every write at once.
    leader = re.split("[;,]", location)[0]
    pool = pool_class.from_url(leader, **options)
    return _Connection(redis.Redis(connection_pool=pool), serializer)


def leader_url() -> str | None:
    """The URL of the ``default`` cache's first Redis server (the one written to),
    or None when the cache is not Redis: for clients that cannot share this
    process's pool, such as an asyncio one."""
    if not isinstance(caches["default"], RedisCache):
        return None
    location = settings.CACHES["default"]["LOCATION"]
    location = location if isinstance(location, str) else ",".join(location)
    return re.split("[;,]", location)[0]


def redis_client():
    """The process's client of the ``default`` cache's Redis, or None when the cache
    is not Redis."""
    connection = _connection()
    return None if connection is None else connection.client


def cache_key(name: str) -> str:
    """The Redis key of the cache entry ``name`` (prefix and version applied)."""
    return cache.make_key(name)


def get_many(names: list[str]) -> dict:
    """``cache.get_many`` in one round trip on the process's client."""
    client = redis_client()
    if client is None:
        return cache.get_many(names)
    return decoded(names, client.mget([cache_key(name) for name in names]))


def decoded(names, values) -> dict:
    """Raw values read from Redis for cache entries ``names``, as ``cache.get``
    would return them (absent entries left out)."""
    loads = _connection().serializer.loads
    return {
        name: loads(value)
        for name, value in zip(names, values, strict=True)
        if value is not None
    }


@memoize
def _script(source: str) -> Script:
    # The client given here only computes the script's SHA; each call passes the
    # current client.
    return redis_client().register_script(source)


def run_script(source: str, keys: list[str], args: list) -> object:
    """EVALSHA (loading the script once per Redis server) on the cache's client."""
    return _script(source)(keys=keys, args=args, client=redis_client())

"""The default cache when it is Redis: a Redis outage costs a cache miss, never an
error page (issue 11; docs/operations.md).

Everything in the cache can be rebuilt from the database (Wagtail's site root
paths, rendered pages, API responses, rate-limit counters), so with Redis down
``FailSafeRedisCache`` answers like an empty cache: reads miss, writes and deletes
do nothing, ``incr`` raises ``ValueError`` as for a missing key. Errors are logged
as warnings, at most once a minute per kind.

Two things keep a dead or hanging Redis cheap for every request:

- short socket timeouts (``POOL_DEFAULTS``, overridable in the cache's OPTIONS): a
  Redis that accepts connections but never answers costs a second at most, not
  the default of waiting forever;
- a circuit breaker in the connection pool: after a connection error or timeout,
  every connection to that server is refused at once for ``RETRY_SECONDS``, then
  one call tries again. The pool serves both this backend and the direct client of
  ``cms.core.cache_client`` (rate limits, content generation, API fast path), whose
  callers catch ``CACHE_ERRORS`` and fail open.
"""

import logging
import threading
import time

import redis
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from cms.core.cache_client import CACHE_ERRORS

logger = logging.getLogger(__name__)

RETRY_SECONDS = 2.0  # a failed server is left alone this long before the next try
WARN_SECONDS = 60.0  # at most one warning a minute per server and kind of error
# Errors that say the server is unreachable (not e.g. a NOSCRIPT reply).
_OUTAGE_ERRORS = (redis.ConnectionError, redis.TimeoutError, OSError)

_down_until: dict[str, float] = {}  # server address -> monotonic time of next try
_last_warned: dict[tuple, float] = {}
_lock = threading.Lock()


def warn_rate_limited(kind: tuple, message: str, *args) -> None:
    now = time.monotonic()
    with _lock:
        if now - _last_warned.get(kind, -WARN_SECONDS) < WARN_SECONDS:
            return
        _last_warned[kind] = now
    logger.warning(message, *args)


def _address(kwargs: dict) -> str:
    if kwargs.get("path"):
        return f"unix:{kwargs['path']}"
    return f"{kwargs.get('host', 'localhost')}:{kwargs.get('port', 6379)}"


def trip(address: str, error: Exception) -> None:
    """Mark the server unreachable for ``RETRY_SECONDS``."""
    _down_until[address] = time.monotonic() + RETRY_SECONDS
    warn_rate_limited(
        ("down", address),
        "Redis at %s unreachable (%s): caching off, retried every %.0f s",
        address,
        error,
        RETRY_SECONDS,
    )


def is_down(address: str) -> bool:
    return time.monotonic() < _down_until.get(address, 0.0)


def reset() -> None:
    """Forget every outage (tests; a process that knows Redis is back)."""
    _down_until.clear()
    _last_warned.clear()


class _BreakerConnection:
    """Mixed into redis-py's connection class: an outage seen on any socket
    operation trips the breaker for the whole server."""

    def _breaker_call(self, method, *args, **kwargs):
        try:
            return method(*args, **kwargs)
        except _OUTAGE_ERRORS as error:
            trip(self.breaker_address, error)
            raise

    def connect(self):
        return self._breaker_call(super().connect)

    def send_packed_command(self, *args, **kwargs):
        return self._breaker_call(super().send_packed_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        return self._breaker_call(super().read_response, *args, **kwargs)


_breaker_classes: dict[type, type] = {}


def _with_breaker(connection_class: type) -> type:
    if issubclass(connection_class, _BreakerConnection):
        return connection_class
    if connection_class not in _breaker_classes:
        name = f"Breaker{connection_class.__name__}"
        _breaker_classes[connection_class] = type(
            name, (_BreakerConnection, connection_class), {}
        )
    return _breaker_classes[connection_class]


class CircuitBreakerConnectionPool(redis.ConnectionPool):
    """A pool that refuses at once while its server is marked unreachable."""

    def __init__(self, connection_class=redis.Connection, **kwargs):
        super().__init__(connection_class=_with_breaker(connection_class), **kwargs)
        self._breaker_address = _address(self.connection_kwargs)

    def make_connection(self):
        connection = super().make_connection()
        connection.breaker_address = self._breaker_address
        return connection

    def get_connection(self, *args, **kwargs):
        if is_down(self._breaker_address):
            raise redis.ConnectionError(
                f"Redis at {self._breaker_address} marked unreachable; retried soon"
            )
        return super().get_connection(*args, **kwargs)


def _fail_safe(default):
    """Wrap a cache operation: a Redis error is logged and ``default()`` returned."""

    def decorate(method):
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except CACHE_ERRORS as error:
                warn_rate_limited(
                    ("cache", type(error).__name__),
                    "Cache %s failed, answered as a miss: %s: %s",
                    method.__name__,
                    type(error).__name__,
                    error,
                )
                return default(*args, **kwargs)

        wrapper.__name__ = method.__name__
        wrapper.__doc__ = method.__doc__
        return wrapper

    return decorate


# What each operation answers when Redis fails: what an empty cache would.
def _false(*args, **kwargs):
    return False


def _none(*args, **kwargs):
    return None


def _default(key, default=None, version=None):
    return default


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key {key!r} not found (cache unreachable).")


# (server URL, pool options) -> the process's one pool for it.
_shared_pools: dict[tuple, redis.ConnectionPool] = {}
# The Redis client over each shared pool (thread-safe; a race builds two, one kept).
_shared_clients: dict[redis.ConnectionPool, redis.Redis] = {}


class SharedPoolRedisCacheClient(RedisCacheClient):
    """Django's Redis client with one connection pool per server per process.

    Django's cache handler keeps a backend object per thread (per request context
    under ASGI, where every request runs in a thread of its own), and each backend
    its own pool: under ASGI every request opened a new TCP connection to Redis
    (a fifth of a cached page's CPU, measured with py-spy). redis-py pools are
    thread-safe and reset themselves after a fork.

    The client object over a pool is shared too: Django builds a new one per cache
    call, and its constructor (a table of some 170 response callbacks) cost about
    as much CPU as the round trip it was built for.
    """

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = _shared_clients.get(pool)
        if client is None:
            client = _shared_clients[pool] = self._client(connection_pool=pool)
        return client

    def _get_connection_pool(self, write):
        url = self._servers[self._get_connection_pool_index(write)]
        key = (url, self._pool_class, repr(sorted(self._pool_options.items())))
        pool = _shared_pools.get(key)
        if pool is None:
            with _lock:
                pool = _shared_pools.get(key)
                if pool is None:
                    pool = self._pool_class.from_url(url, **self._pool_options)
                    _shared_pools[key] = pool
        return pool


class FailSafeRedisCache(RedisCache):
    """Django's Redis cache that never raises because Redis is down or slow."""

    POOL_DEFAULTS = {
        "pool_class": f"{__name__}.CircuitBreakerConnectionPool",
        "socket_connect_timeout": 0.5,
        "socket_timeout": 1.0,
    }

    def __init__(self, server, params):
        options = {**self.POOL_DEFAULTS, **params.get("OPTIONS", {})}
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = SharedPoolRedisCacheClient

    add = _fail_safe(_false)(RedisCache.add)
    get = _fail_safe(_default)(RedisCache.get)
    set = _fail_safe(_none)(RedisCache.set)
    touch = _fail_safe(_false)(RedisCache.touch)
    delete = _fail_safe(_false)(RedisCache.delete)
    get_many = _fail_safe(lambda *a, **k: {})(RedisCache.get_many)
    has_key = _fail_safe(_false)(RedisCache.has_key)
    incr = _fail_safe(_missing_key)(RedisCache.incr)
    set_many = _fail_safe(lambda data, *a, **k: list(data))(RedisCache.set_many)
    delete_many = _fail_safe(_none)(RedisCache.delete_many)
    clear = _fail_safe(_false)(RedisCache.clear)

"""The direct Redis client (cms/core/cache_client.py) shares the Django cache's
server, keys and encoding: what one writes the other reads. A failure here after
a Django upgrade means ``RedisCache`` changed how it stores values or which server
it writes to: update cache_client.py (the API's rate limits, response cache and
content generation read and write through both)."""

import pytest
from django.core.cache import cache

from cms.core.cache_client import (
    cache_key,
    get_many,
    redis_client,
    run_script,
)

pytestmark = pytest.mark.usefixtures("names")

MESSAGE = (
    "Django's RedisCache and cms/core/cache_client.py disagree on {what}: update "
    "cache_client.py to how RedisCache stores values now"
)


@pytest.fixture
def names():
    created = [
        "cache-client-test:object",
        "cache-client-test:int",
        "cache-client-test:script",
    ]
    yield created
    cache.delete_many(created)


def test_the_client_is_the_caches_redis():
    assert redis_client() is not None, "the test settings use Redis"
    assert redis_client() is redis_client(), "one client per process"


def test_values_written_by_the_cache_are_read_directly():
    value = {"generation": 7, "body": b"[]"}
    cache.set("cache-client-test:object", value, 60)
    cache.set("cache-client-test:int", 42, 60)
    found = get_many(
        [
            "cache-client-test:object",
            "cache-client-test:int",
            "cache-client-test:absent",
        ]
    )
    assert found == {"cache-client-test:object": value, "cache-client-test:int": 42}, (
        MESSAGE.format(what="the server, the key or the encoding of values")
    )


def test_integers_written_directly_are_read_by_the_cache():
    # As the content generation is bumped: a Lua script SETs a plain number.
    source = "redis.call('SET', KEYS[1], ARGV[1]) return 1"
    run_script(source, [cache_key("cache-client-test:script")], [1234])
    assert cache.get("cache-client-test:script") == 1234, MESSAGE.format(
        what="integers"
    )
    assert cache.incr("cache-client-test:script") == 1235, MESSAGE.format(
        what="integers"
    )


def test_requests_in_threads_of_their_own_share_redis_connections():
    """Under ASGI every request runs in a new thread with its own cache backend
    object: each must not open its own Redis connection (it cost a fifth of a
    cached page's CPU). A failure after a Django upgrade means RedisCacheClient's
    pool handling changed: update SharedPoolRedisCacheClient
    (cms/core/failsafe_cache.py)."""
    import threading

    from django.core.cache import caches

    def request():
        caches["default"].get("cache-client-test:object")

    request()  # this thread's, and the process's first connection
    before = redis_client().info("clients")["connected_clients"]
    for _ in range(20):  # one after another, as requests on an idle worker
        thread = threading.Thread(target=request)
        thread.start()
        thread.join()
    after = redis_client().info("clients")["connected_clients"]
    assert after - before <= 1, f"{after - before} new Redis connections for 20 reads"


def test_cache_calls_share_one_redis_client_object():
    """Django builds a redis-py client per cache call; ours keeps one per pool (its
    constructor cost as much CPU as a round trip). Backends of other threads share
    it too."""
    import threading

    from django.core.cache import caches

    backend = caches["default"]
    first = backend._cache.get_client()
    assert backend._cache.get_client(write=True) is first
    seen = []
    thread = threading.Thread(target=lambda: seen.append(caches["default"]._cache))
    thread.start()
    thread.join()
    assert seen[0] is not backend._cache  # a backend object of its own...
    assert seen[0].get_client() is first  # ...over the same client
    backend.set("cache-client-test:shared", 7)
    assert backend.get("cache-client-test:shared") == 7

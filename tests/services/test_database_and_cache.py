"""The suite really runs on PostgreSQL and Redis, as production does."""

import os
import uuid

import pytest
import redis
from django.core.cache import cache
from django.db import connection


@pytest.mark.django_db
def test_database_is_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        assert int(cursor.fetchone()[0].split(".")[0]) >= 13


def test_cache_round_trip_goes_through_redis():
    key, value = f"probe-{uuid.uuid4()}", {"opd": "diskominfo"}
    cache.set(key, value, timeout=30)
    assert cache.get(key) == value
    # Read it behind Django's back: the value really is on the Redis server.
    server = redis.Redis.from_url(os.environ["CACHE_URL"])
    assert any(key in k.decode() for k in server.scan_iter(match=f"*{key}*"))
    cache.delete(key)

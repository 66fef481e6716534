"""Shared fixtures. The suite runs against the real services started by `make services`.

A missing service is a failure, never a skip: `make test` starts them and exports their
URLs; running pytest by hand needs `eval "$(make -s services)"` first.
"""

import os

import pytest

REQUIRED_ENV = {
    "DATABASE_URL": "postgres",
    "CACHE_URL": "redis",
    "CELERY_BROKER_URL": "redis",
    "ELASTICSEARCH_URL": "http",
    "AWS_S3_ENDPOINT_URL": "http",
    "AWS_STORAGE_BUCKET_NAME": "",
}


def pytest_configure(config):
    missing = [
        name
        for name, prefix in REQUIRED_ENV.items()
        if not os.environ.get(name, "").startswith(prefix) or not os.environ.get(name)
    ]
    if missing:
        pytest.exit(
            "The test suite needs the real services; these variables are missing or "
            f"wrong: {', '.join(missing)}. Run `make test`, or "
            '`eval "$(make -s services)"` before calling pytest.',
            returncode=3,
        )


@pytest.fixture(autouse=True)
def search_query_counts():
    """Search counts kept in this process (search/queries/query_counts.py) never
    carry over from one test to the next."""
    from search.queries import query_counts

    query_counts.forget()
    yield
    query_counts.forget()


@pytest.fixture(autouse=True)
def process_local_counts():
    """What a process keeps of the shared cache for a second (the generation the
    search reads, its rate-limit tallies) never carries over from one test, and
    its flushed cache, to the next."""
    from cms.core import content_generation, rate_limits

    content_generation.forget_recent()
    rate_limits.forget_leases()
    yield
    content_generation.forget_recent()
    rate_limits.forget_leases()


@pytest.fixture(autouse=True)
def api_lookup_copies():
    """Test transactions roll back without telling anyone (the content generation
    does not move): the API's per-process copies of public lookups
    (api/v1/public_lookups.py) start empty in every test."""
    from api.v1.public_lookups import forget

    forget()


@pytest.fixture
def es_down(settings):
    """Elasticsearch unreachable (a closed port: refused at once, whatever the shared
    server's load, which keeps running for everyone else); yields that URL. Its
    breaker starts and ends closed."""
    from search.client import _client
    from search.queries import breaker

    dead_url = "http://127.0.0.1:9"  # nothing listens on port 9
    settings.ELASTICSEARCH_URL = dead_url
    _client.cache_clear()
    breaker.close(dead_url)
    yield dead_url
    breaker.close(dead_url)
    _client.cache_clear()


@pytest.fixture
def live_events():
    """``live_events()``: the admin's live events logged from now on (the test's
    Redis stream, by prefix)."""
    import json

    from cms.core.cache_client import redis_client
    from cms.live import log

    client = redis_client()
    assert client is not None, "the tests run with the Redis cache"
    client.delete(log.stream_key())

    def read() -> list[dict]:
        entries = client.xrange(log.stream_key())
        return [json.loads(fields[b"m"]) for _id, fields in entries]

    return read


@pytest.fixture
def home(db):
    from cms.opd.services import province_home_ensure

    return province_home_ensure()


@pytest.fixture
def opds(home):
    """Three OPD pages, enough to test isolation between agencies."""
    from tests.factories import make_opds

    return make_opds(home)

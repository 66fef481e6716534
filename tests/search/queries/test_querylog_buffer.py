"""The query log buffered in the process, then Redis: searches ask the database and
Redis nothing, beat's flush writes every count, and no count is lost when Redis or
the flush fails."""

import time

import pytest
from django.db import DatabaseError
from django.utils import timezone

from cms.core.cache_client import cache_key, redis_client
from search.queries import query_counts
from search.queries.models import SearchQueryStat
from search.queries.public import search_public
from search.queries.querylog import (
    BUFFER_NAME,
    flush_query_log,
    record_query,
    send_counts,
)
from search.tasks import flush_search_query_log

from .conftest import params

pytestmark = pytest.mark.django_db

DEAD_REDIS = {
    "default": {
        "BACKEND": "cms.core.failsafe_cache.FailSafeRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
    }
}


@pytest.fixture
def buffered(settings):
    """Buffering on (tests run tasks eagerly, which turns it off by default), on
    an empty buffer of this test run's Redis prefix."""
    settings.SEARCH_QUERY_LOG_BUFFER = True
    client, name = redis_client(), cache_key(BUFFER_NAME)
    client.delete(name)
    yield client, name
    client.delete(name)


def logged() -> dict:
    return {
        row.query: (row.count, row.zero_result_count)
        for row in SearchQueryStat.objects.all()
    }


def test_buffered_searches_reach_the_log_at_the_flush(buffered):
    for _ in range(3):
        record_query("Stunting", zero_results=False)
    record_query("beasiswa luar negeri", zero_results=True)
    record_query("Beasiswa  Luar Negeri!", zero_results=True)
    assert logged() == {}  # not yet: the reports lag by one flush
    assert flush_query_log() == 5
    assert logged() == {"stunting": (3, 0), "beasiswa luar negeri": (2, 2)}
    record_query("stunting", zero_results=False)
    flush_search_query_log()  # the beat task
    assert logged() == {"stunting": (4, 0), "beasiswa luar negeri": (2, 2)}
    assert flush_query_log() == 0
    assert SearchQueryStat.objects.get(query="stunting").date == timezone.localdate()


def test_a_buffered_search_asks_the_database_and_redis_nothing(
    buffered, django_assert_num_queries
):
    client, name = buffered

    def hincrbys():
        stats = client.info("commandstats")
        return stats.get("cmdstat_hincrby", {}).get("calls", 0)

    before = hincrbys()
    with django_assert_num_queries(0):
        for _ in range(20):
            record_query("stunting", zero_results=True)
    assert hincrbys() == before
    assert client.hgetall(name) == {}
    assert query_counts.flush(send_counts) == 20  # one pipeline for all of them
    day = timezone.localdate().isoformat()
    assert client.hgetall(name) == {
        f"{day}\tstunting\tc".encode(): b"20",
        f"{day}\tstunting\tz".encode(): b"20",
    }


@pytest.mark.usefixtures("corpus_index")
def test_searches_counted_in_the_buffer_are_the_searches_made(buffered):
    for _ in range(3):
        search_public(params("Stunting"))
    search_public(params("stunting", page=2))  # refinements are not counted
    search_public(params("stunting", opd="dinkes"))
    search_public(params("Beasiswa Kuliah Luar Negeri"))
    flush_query_log()
    assert logged() == {"stunting": (3, 0), "beasiswa kuliah luar negeri": (1, 1)}


def test_with_redis_down_the_counts_are_written_directly(settings):
    settings.SEARCH_QUERY_LOG_BUFFER = True
    settings.CACHES = DEAD_REDIS
    record_query("stunting", zero_results=True)
    record_query("stunting", zero_results=False)
    assert logged() == {}
    assert query_counts.flush(send_counts) == 2  # what the process's thread does
    assert logged() == {"stunting": (2, 1)}


def test_counts_the_database_refused_are_kept_for_the_next_try(settings):
    settings.SEARCH_QUERY_LOG_BUFFER = True
    settings.CACHES = DEAD_REDIS
    record_query("stunting", zero_results=False)
    record_query("x" * 10, zero_results=False)

    def refuse(counts):
        raise DatabaseError("down too")

    with pytest.raises(DatabaseError):
        query_counts.flush(refuse)
    assert query_counts.flush(send_counts) == 2
    assert logged() == {"stunting": (1, 0), "x" * 10: (1, 0)}


def test_each_process_sends_its_counts_within_a_second(buffered, settings):
    """The thread that sends them (off in the other tests: they flush themselves)."""
    client, name = buffered
    settings.SEARCH_QUERY_COUNTS_SECONDS = 0.2
    record_query("banjir rob", zero_results=False)
    deadline = time.monotonic() + 5
    while not client.hgetall(name) and time.monotonic() < deadline:
        time.sleep(0.05)
    day = timezone.localdate().isoformat()
    assert client.hgetall(name) == {f"{day}\tbanjir rob\tc".encode(): b"1"}


def test_without_a_beat_each_search_is_written_directly(settings):
    settings.SEARCH_QUERY_LOG_BUFFER = None  # the default: tasks run eagerly here
    record_query("stunting", zero_results=False)
    assert logged() == {"stunting": (1, 0)}


def test_a_failed_flush_keeps_every_count_for_the_next(buffered):
    client, name = buffered
    record_query("stunting", zero_results=True)
    record_query("stunting", zero_results=False)
    # A count PostgreSQL cannot store: the flush's write fails as a whole.
    day = timezone.localdate().isoformat()
    client.hincrby(name, f"{day}\ttoo many\tc", 3_000_000_000)
    with pytest.raises(DatabaseError):
        flush_query_log()
    assert logged() == {}
    flush_search_query_log()  # logs the failure, keeps the counts again
    client.hdel(name, f"{day}\ttoo many\tc")
    assert flush_query_log() == 2
    assert logged() == {"stunting": (2, 1)}


def test_beat_flushes_the_log_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["search-query-log-flush"]
    assert entry["task"] == "search.tasks.flush_search_query_log"
    assert entry["schedule"] == settings.SEARCH_QUERY_LOG_FLUSH_SECONDS == 60

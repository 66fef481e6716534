"""The anonymous query log: what citizens search for, and what finds nothing.

One row per (normalised query, day). A search adds to its process's counts
(``query_counts.py``: no I/O), which go to a Redis hash shared by every process
within a second (one round trip for all of them); beat writes the hash into the rows
every ``SEARCH_QUERY_LOG_FLUSH_SECONDS`` (``flush_query_log``), so the reports lag by
up to that long. Where nothing would flush it (tasks run eagerly: no beat) or where
the cache is not Redis (the embedded default), the search writes its row itself, as
before: one UPDATE with F() increments, or the day's first INSERT inside a savepoint
so that two simultaneous first searches both count (the loser of the unique race
updates). When Redis fails, a process's counts are written to the rows directly. A
count is never dropped for Redis' sake: a flush whose database write fails puts its
counts back. Logging never breaks a search: a database error is logged and swallowed.
"""

import logging
from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, QuerySet, Sum
from django.utils import timezone
from redis import exceptions as redis_errors

from cms.core.cache_client import CACHE_ERRORS, cache_key, redis_client, run_script

from . import query_counts
from .keys import query_key
from .models import SearchQueryStat

logger = logging.getLogger(__name__)

REPORT_DAYS = 30
# A Redis hash: "<day>\t<query key>\tc" searches, "...\tz" of them without results.
BUFFER_NAME = "search:query-log"
_SEP = "\t"  # never in a key (query_key collapses whitespace)
# Read and empty the hash in one step: searches meanwhile start a new one.
_TAKE_SCRIPT = """
local fields = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return fields
"""


def record_query(text: str, *, zero_results: bool) -> None:
    key = query_key(text)
    if not key:
        return
    if _buffering() and redis_client() is not None:
        query_counts.add(key, zero_results, send_counts)  # to Redis within a second
        return
    try:
        _add(key, timezone.localdate(), 1, 1 if zero_results else 0)
    except DatabaseError:
        logger.warning("search query log not written", exc_info=True)


def _buffering() -> bool:
    chosen = getattr(settings, "SEARCH_QUERY_LOG_BUFFER", None)
    if chosen is None:
        return not settings.CELERY_TASK_ALWAYS_EAGER
    return chosen


def send_counts(counts: dict[tuple[str, str], int]) -> None:
    """This process's counts (``query_counts``) into the Redis hash in one round
    trip; with Redis failing, straight into the log's rows."""
    day = timezone.localdate()
    try:
        client = redis_client()
        if client is None:
            raise redis_errors.ConnectionError("the cache is not Redis")
        name = cache_key(BUFFER_NAME)
        pipe = client.pipeline()  # MULTI: all counts or none
        for (key, kind), value in counts.items():
            pipe.hincrby(name, f"{day.isoformat()}{_SEP}{key}{_SEP}{kind}", value)
        pipe.execute()
    except CACHE_ERRORS:
        logger.warning("search query log not buffered: written directly")
        write_direct(counts, day)


def write_direct(counts: dict[tuple[str, str], int], day: date) -> None:
    with transaction.atomic():
        for key in sorted({key for key, _kind in counts}):
            _add(key, day, counts.get((key, "c"), 0), counts.get((key, "z"), 0))


def _add(key: str, day: date, count: int, zero_results: int) -> None:
    increments = {"count": F("count") + count}
    if zero_results:
        increments["zero_result_count"] = F("zero_result_count") + zero_results
    rows = SearchQueryStat.objects.filter(query=key, date=day)
    if rows.update(**increments):
        return
    try:
        with transaction.atomic():
            SearchQueryStat.objects.create(
                query=key, date=day, count=count, zero_result_count=zero_results
            )
    except IntegrityError:  # created meanwhile by a concurrent search
        rows.update(**increments)


def flush_query_log() -> int:
    """Write the buffered counts into the rows; the number of searches written.
    A failed database write puts the counts back for the next flush (and raises).
    This process's own counts go to Redis first."""
    query_counts.flush(send_counts)
    client = redis_client()
    if client is None:
        return 0
    fields = run_script(_TAKE_SCRIPT, [cache_key(BUFFER_NAME)], [])
    if not fields:
        return 0
    taken = {
        field.decode(): int(value)
        for field, value in zip(fields[::2], fields[1::2], strict=True)
    }
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for field, value in taken.items():
        day, key, kind = field.split(_SEP)
        counts[day, key][kind == "z"] += value
    try:
        with transaction.atomic():
            for (day, key), (count, zero_results) in sorted(counts.items()):
                _add(key, date.fromisoformat(day), count, zero_results)
    except DatabaseError:
        _put_back(client, taken)
        raise
    return sum(count for count, _zero in counts.values())


def _put_back(client, taken: dict[str, int]) -> None:
    try:
        pipe = client.pipeline()
        for field, value in taken.items():
            pipe.hincrby(cache_key(BUFFER_NAME), field, value)
        pipe.execute()
    except CACHE_ERRORS:
        logger.error("search query log: counts lost: %s", taken)


def _recent(days: int) -> QuerySet:
    since = timezone.localdate() - timedelta(days=days - 1)
    return (
        SearchQueryStat.objects.filter(date__gte=since)
        .values("query")
        .annotate(searches=Sum("count"), zero_results=Sum("zero_result_count"))
    )


def top_queries(days: int = REPORT_DAYS) -> QuerySet:
    """Rows ``{"query", "searches", "zero_results"}``, most searched first."""
    return _recent(days).order_by("-searches", "query")


def zero_result_queries(days: int = REPORT_DAYS) -> QuerySet:
    """Queries that found nothing at least once, most often first: the content or
    synonyms editors should add."""
    return (
        _recent(days)
        .filter(zero_results__gt=0)
        .order_by("-zero_results", "-searches", "query")
    )

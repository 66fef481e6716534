"""The anonymous query log: what citizens search for, and what finds nothing.

One row per (normalised query, day). A search adds to a Redis hash shared by every
process (one HINCRBY, no SQL); beat writes the hash into the rows every
``SEARCH_QUERY_LOG_FLUSH_SECONDS`` (``flush_query_log``), so the reports lag by up
to that long. Where nothing would flush it (tasks run eagerly: no beat), where the
cache is not Redis (the embedded default) or when Redis fails, the search writes its
row itself, as before: one UPDATE with F() increments, or the day's first INSERT
inside a savepoint so that two simultaneous first searches both count (the loser of
the unique race updates). A count is never dropped for Redis' sake: a flush whose
database write fails puts its counts back. Logging never breaks a search: a database
error is logged and swallowed.
"""

import logging
from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, QuerySet, Sum
from django.utils import timezone

from cms.core.cache_client import CACHE_ERRORS, cache_key, redis_client, run_script

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
    today = timezone.localdate()
    if _buffered(key, today, zero_results):
        return
    try:
        _add(key, today, 1, 1 if zero_results else 0)
    except DatabaseError:
        logger.warning("search query log not written", exc_info=True)


def _buffering() -> bool:
    chosen = getattr(settings, "SEARCH_QUERY_LOG_BUFFER", None)
    if chosen is None:
        return not settings.CELERY_TASK_ALWAYS_EAGER
    return chosen


def _buffered(key: str, day: date, zero_results: bool) -> bool:
    """True when Redis took the count."""
    if not _buffering():
        return False
    try:
        client = redis_client()
        if client is None:
            return False
        field = f"{day.isoformat()}{_SEP}{key}{_SEP}"
        name = cache_key(BUFFER_NAME)
        if not zero_results:
            client.hincrby(name, field + "c", 1)
            return True
        pipe = client.pipeline()  # MULTI: both counts or neither
        pipe.hincrby(name, field + "c", 1)
        pipe.hincrby(name, field + "z", 1)
        pipe.execute()
        return True
    except CACHE_ERRORS:
        logger.warning("search query log not buffered: written directly")
        return False


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
    A failed database write puts the counts back for the next flush (and raises)."""
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

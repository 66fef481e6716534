"""The anonymous query log: what citizens search for, and what finds nothing.

One row per (normalised query, day). A search costs one UPDATE with F() increments;
the first search of a query on a day INSERTs instead, inside a savepoint so that two
simultaneous first searches both count (the loser of the unique race updates).
Logging never breaks a search: a database error is logged and swallowed.
"""

import logging
from datetime import timedelta

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, QuerySet, Sum
from django.utils import timezone

from .keys import query_key
from .models import SearchQueryStat

logger = logging.getLogger(__name__)

REPORT_DAYS = 30


def record_query(text: str, *, zero_results: bool) -> None:
    key = query_key(text)
    if not key:
        return
    today = timezone.localdate()
    increments = {"count": F("count") + 1}
    if zero_results:
        increments["zero_result_count"] = F("zero_result_count") + 1
    rows = SearchQueryStat.objects.filter(query=key, date=today)
    try:
        if rows.update(**increments):
            return
        try:
            with transaction.atomic():
                SearchQueryStat.objects.create(
                    query=key,
                    date=today,
                    count=1,
                    zero_result_count=1 if zero_results else 0,
                )
        except IntegrityError:  # created meanwhile by a concurrent search
            rows.update(**increments)
    except DatabaseError:
        logger.warning("search query log not written", exc_info=True)


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

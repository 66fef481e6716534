"""Celery tasks of the public search: thin wrappers around the outbox drain and
the query log's flush."""

import logging

from celery import shared_task
from django.db import DatabaseError

from cms.core.cache_client import CACHE_ERRORS
from cms.live.publish import publish, publish_pages
from search.indexing.outbox import outbox_drain
from search.queries.querylog import flush_query_log

logger = logging.getLogger(__name__)

BATCH = 500  # outbox rows per drain batch
MAX_BATCHES = 20  # per task run; a longer backlog continues in a new task


class SearchUnavailable(ConnectionError):
    """Elasticsearch could not be reached; the outbox keeps the changes."""


def _drain() -> bool:
    """Drain batch after batch; True when a backlog remains."""
    for _ in range(MAX_BATCHES):
        report = outbox_drain(limit=BATCH)
        if report.claimed:  # the operations panel shows the outbox: refresh it
            publish("ops", channels=["ops"])
            # ... and the edit forms of these pages their search status.
            publish_pages("search", report.page_ids)
        if report.unavailable:
            raise SearchUnavailable(report.unavailable)
        if report.failed:
            logger.warning(
                "Search outbox: %d change(s) failed: %s", report.failed, report.errors
            )
        if report.claimed < BATCH:
            return False
    return True


@shared_task(acks_late=True, ignore_result=True)
def drain_search_outbox() -> None:
    """Enqueued after each commit that recorded changes (once per transaction).
    No Celery retry: the failed rows carry their own short backoff and the sweep
    below sends them, so a down Elasticsearch sees one request per sweep at most."""
    try:
        if _drain():
            enqueue_drain()
    except SearchUnavailable as exc:
        logger.warning("Search outbox not drained: %s", exc)


@shared_task(acks_late=True, ignore_result=True)
def redrain_search_outbox() -> None:
    """Celery beat, every ``SEARCH_OUTBOX_SWEEP_SECONDS`` (5 s): picks up what failed,
    what a killed worker held (after its lease) and what was never enqueued (Redis
    down at publish time). One query when nothing is due."""
    try:
        if _drain():
            enqueue_drain()
    except SearchUnavailable as exc:
        logger.warning("Search outbox not drained: %s", exc)


def enqueue_drain() -> None:
    """Ask a worker to drain soon. Never raises and never waits on a dead broker:
    the change is safe in the outbox and the beat task drains it anyway."""
    try:
        drain_search_outbox.apply_async(retry=False)
    except Exception as exc:
        logger.warning("Search outbox: drain not enqueued (%s)", exc)


@shared_task(ignore_result=True)
def flush_search_query_log() -> None:
    """Celery beat, every ``SEARCH_QUERY_LOG_FLUSH_SECONDS``: the searches counted
    in Redis into the query log (kept there for the next run when this one fails)."""
    try:
        flush_query_log()
    except (DatabaseError, *CACHE_ERRORS):
        logger.warning("Search query log not flushed", exc_info=True)

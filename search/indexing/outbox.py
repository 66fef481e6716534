"""The transactional outbox of the public search index.

``outbox_record`` runs inside the transaction that changed the pages (signals), so a
change is recorded if and only if it is committed. ``outbox_drain`` (a Celery task,
after commit and every 30 s) sends the *current* state of each recorded object:
whatever happened in between, the last drain leaves the index equal to the database.

A drain claims its rows with a short lease (``SEARCH_OUTBOX_LEASE_SECONDS``, moving
``available_at`` forward) and renews it before each bulk chunk, so a worker killed
mid-drain holds its rows only until the lease ends; the next sweep takes them. A
second drain of the same rows is harmless: external versions keep the newer write.
"""

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from elastic_transport import TransportError
from elasticsearch import ApiError

from search.client import get_client
from search.index_management import write_targets

from . import stored
from .bulk import bulk_write
from .keys import page_id_of, page_key
from .models import IndexedState, SearchOutbox
from .source import desired_states
from .upsert import outbox_upsert, upsert_versioned

logger = logging.getLogger(__name__)

BACKOFF_BASE_SECONDS = 10
# A document Elasticsearch refused (or we failed to build) waits long between tries;
# an unreachable Elasticsearch only ``retry_max()``, so recovery is noticed soon.
BACKOFF_MAX_SECONDS = 15 * 60
# The client's own retries would stretch one request past the lease: a failed bulk
# request is the batch's failure, retried by the sweep.
BULK_TIMEOUT_SECONDS = 10


@dataclass
class DrainReport:
    claimed: int = 0
    done: int = 0
    failed: int = 0
    kept: int = 0  # changed while we worked: drained again next time
    unavailable: str = ""  # Elasticsearch unreachable (or a bug): the batch waits
    errors: list[str] = field(default_factory=list)
    page_ids: list[int] = field(default_factory=list)  # whose index status moved


def now_us() -> int:
    return time.time_ns() // 1000


def outbox_record(page_ids: Iterable[int]) -> None:
    """Record that these pages changed; call inside the changing transaction."""
    keys = sorted({page_key(pk) for pk in page_ids})
    if keys:
        outbox_upsert(SearchOutbox, IndexedState, keys, now_us(), timezone.now())


def lease() -> timedelta:
    return timedelta(seconds=getattr(settings, "SEARCH_OUTBOX_LEASE_SECONDS", 20.0))


def retry_max() -> float:
    """Seconds between tries while Elasticsearch is unreachable (one bulk request
    per sweep at most, however many rows wait)."""
    return float(getattr(settings, "SEARCH_OUTBOX_RETRY_MAX_SECONDS", 15.0))


def outbox_drain(*, limit: int = 500) -> DrainReport:
    """Send up to ``limit`` pending changes to Elasticsearch in bulk."""
    report = DrainReport()
    if not settings.ELASTICSEARCH_URL:
        logger.debug("ELASTICSEARCH_URL is not set: the search outbox is not drained")
        return report
    rows = _claim(limit)
    report.claimed = len(rows)
    if not rows:
        return report
    report.page_ids = sorted({p for r in rows if (p := page_id_of(r.object_key))})
    try:
        client = get_client().options(
            request_timeout=BULK_TIMEOUT_SECONDS, max_retries=0
        )
        targets = write_targets(client)
        states = desired_states(
            pid for row in rows if (pid := page_id_of(row.object_key))
        )
        writes, broken = [], {}
        for row in rows:
            state = states.get(page_id_of(row.object_key))
            if state is not None and state.error:
                broken[row.object_key] = state.error
            else:
                document = state.document if state else None
                writes.append((row.object_key, row.version, document))
        outcome = bulk_write(client, targets, writes, before_chunk=lambda: _renew(rows))
    except Exception as exc:  # the rows keep the error and wait for their retry
        message = f"{type(exc).__name__}: {exc}"[:1000]
        if isinstance(exc, TransportError | ApiError):
            logger.warning("Search outbox: Elasticsearch unavailable (%s)", message)
        else:
            logger.exception("Search outbox: drain failed")
        report.unavailable = message
        errors = dict.fromkeys((r.object_key for r in rows), message)
        _fail(rows, errors, cap=retry_max())
        report.failed = len(rows)
        return report
    outcome.failed.update(broken)
    done = [row for row in rows if row.object_key in outcome.ok]
    _keep_documents(done, outcome.indexed, states)
    report.kept = _complete(done, outcome.indexed, states)
    report.done = len(done) - report.kept
    failed = [row for row in rows if row.object_key in outcome.failed]
    busy = [row for row in failed if _transient(outcome.failed[row.object_key])]
    _fail(busy, outcome.failed, cap=retry_max())
    _fail([row for row in failed if row not in busy], outcome.failed)
    report.failed = len(failed)
    report.errors = sorted(set(outcome.failed.values()))[:5]
    return report


def backoff(attempts: int, cap: float = BACKOFF_MAX_SECONDS) -> timedelta:
    seconds = BACKOFF_BASE_SECONDS * 2 ** min(attempts - 1, 16)
    return timedelta(seconds=min(seconds, cap))


def _transient(error: str) -> bool:
    """A bulk item refused as 429 or 5xx (overloaded, shard unavailable): retried as
    soon as an unreachable Elasticsearch would be, unlike a refused document."""
    status = error.split(" ", 1)[0]
    return status == "429" or (len(status) == 3 and status.startswith("5"))


def _claim(limit: int) -> list[SearchOutbox]:
    """Take the due rows and lease them for a while, in a short transaction: no row
    lock is held during the Elasticsearch request, so a publish that updates the
    same row never waits for the drain."""
    now = timezone.now()
    with transaction.atomic():
        qs = SearchOutbox.objects.filter(available_at__lte=now).order_by("available_at")
        if connection.features.has_select_for_update_skip_locked:
            qs = qs.select_for_update(skip_locked=True)
        rows = list(qs[:limit])
        SearchOutbox.objects.filter(pk__in=[r.pk for r in rows]).update(
            available_at=now + lease()
        )
    return rows


def _renew(rows: list[SearchOutbox]) -> None:
    """Extend the lease of the rows this drain still works on. A row whose version
    changed meanwhile is left due: its new change must not wait for this drain."""
    if rows:
        same = reduce(or_, (Q(pk=row.pk, version=row.version) for row in rows))
        SearchOutbox.objects.filter(same).update(available_at=timezone.now() + lease())


def _complete(rows: list[SearchOutbox], indexed: set[str], states) -> int:
    """Remember what the index holds, and delete each row whose version did not
    change meanwhile (compare-and-delete). Returns how many rows were kept."""
    if not rows:
        return 0
    moment = timezone.now()
    gone = [
        row.object_key
        for row in rows
        if not getattr(states.get(page_id_of(row.object_key)), "exists", False)
    ]
    IndexedState.objects.filter(object_key__in=gone).delete()
    upsert_versioned(
        IndexedState,
        [
            {
                "object_key": row.object_key,
                "version": row.version,
                "present": row.object_key in indexed,
                "indexed_at": moment,
            }
            for row in rows
            if row.object_key not in gone
        ],
        update=("present", "indexed_at"),
    )
    matches = reduce(or_, (Q(pk=row.pk, version=row.version) for row in rows))
    deleted, _ = SearchOutbox.objects.filter(matches).delete()
    return len(rows) - deleted


def _keep_documents(rows: list[SearchOutbox], indexed: set[str], states) -> None:
    """Store what was sent, for the next full reindex; forget what was removed."""
    sent, removed = [], []
    for row in rows:
        state = states.get(page_id_of(row.object_key))
        if row.object_key in indexed and state is not None and state.document:
            sent.append((row.object_key, state.version, state.document))
        else:
            removed.append(row.object_key)
    stored.store(sent, fingerprint_=stored.fingerprint())
    stored.forget(removed)


def _fail(
    rows: list[SearchOutbox], errors: dict[str, str], cap: float = BACKOFF_MAX_SECONDS
) -> None:
    """Count the attempt and push the row back exponentially. A row that changed
    meanwhile keeps the prompt retry its new change gave it."""
    groups: dict[tuple[str, int], list[SearchOutbox]] = {}
    for row in rows:
        groups.setdefault((errors[row.object_key], row.attempts), []).append(row)
    now = timezone.now()
    for (error, attempts), group in groups.items():
        same = reduce(or_, (Q(pk=row.pk, version=row.version) for row in group))
        SearchOutbox.objects.filter(same).update(
            attempts=F("attempts") + 1,
            last_error=error,
            available_at=now + backoff(attempts + 1, cap),
        )
        changed = Q(pk__in=[row.pk for row in group]) & ~same
        SearchOutbox.objects.filter(changed).update(
            attempts=F("attempts") + 1, last_error=error
        )

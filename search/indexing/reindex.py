"""Full rebuild of the public index from the database, without downtime.

A new timestamped index is loaded while the old one keeps serving; the outbox drain
writes live changes to both (through the building alias). Documents carry the page's
own publish time as external version, so a change the outbox wrote meanwhile (a
later version) is never overwritten by the reindex's older read of the page.

One run at a time (``reindex_lock``). The lock holder owns every index of the family
that the public alias does not point at: it deletes them before building (what a
killed run left), when it fails or is stopped, and after the swap (the replaced
index: kept, it would stop receiving updates and could only bring back withdrawn
pages).
"""

import logging
import queue
import threading
import time
from dataclasses import dataclass, field

from django.utils import timezone
from elasticsearch import Elasticsearch
from elasticsearch.helpers import streaming_bulk

from search import index_management as im
from search.documents import alias_name, building_alias_name

from .bulk import MAX_REQUEST_CHARS
from .keys import page_key
from .models import IndexedState
from .reindex_lock import LockLost, ReindexInProgress, reindex_lock
from .source import count_candidates, public_documents
from .upsert import upsert_versioned

logger = logging.getLogger(__name__)

__all__ = ["ReindexFailed", "ReindexInProgress", "search_reindex", "total_pages"]


class ReindexFailed(RuntimeError):
    pass


@dataclass
class ReindexReport:
    index: str = ""
    leftovers: list[str] = field(default_factory=list)  # from a killed run
    replaced: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    written: int = 0
    newer: int = 0  # the outbox already wrote a later version: kept
    skipped: int = 0  # pages whose document could not be built (logged)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def search_reindex(
    client: Elasticsearch,
    *,
    chunk_size: int = 500,
    rebuild: bool = False,
    progress=None,
) -> ReindexReport:
    """Build, swap, clean up. ``progress`` is called with the number of pages done;
    ``rebuild`` builds every document afresh instead of reusing stored ones. Raises
    ``ReindexInProgress`` at once when another run holds the lock."""
    started = time.monotonic()
    client.cluster.health(timeout="5s")  # unreachable: fail before touching anything
    with reindex_lock(alias_name()) as lock:
        report = ReindexReport(leftovers=im.drop_unserved(client))
        try:
            report.index = im.create_index(client, building=True)
            im.point_building_alias(client, report.index)
            _load(client, report, chunk_size, progress or (lambda n: None), rebuild)
            if report.errors:
                raise ReindexFailed("; ".join(report.errors[:5]))
            im.finish_build(client, report.index)
            try:
                lock.confirm()
            except LockLost as exc:
                raise ReindexFailed(str(exc)) from None
            report.replaced = im.swap_alias(client, report.index)
        except BaseException:  # also a signal (see the command): the old one serves
            _drop_unserved_quietly(client)
            raise
        report.deleted = _drop_unserved_quietly(client)  # the swap is done: no error
    report.seconds = time.monotonic() - started
    return report


def _drop_unserved_quietly(client) -> list[str]:
    """Remove the half-built or the replaced index. Whatever stops us here
    (Elasticsearch down) leaves it to the next run, which removes it first."""
    try:
        return im.drop_unserved(client)
    except Exception as exc:
        logger.warning("search_reindex: could not delete unserved indexes: %s", exc)
        return []


def total_pages() -> int:
    return count_candidates()


def _load(client, report: ReindexReport, chunk_size, progress, rebuild) -> None:
    """Read and build documents here while a sender thread streams the previous
    ones to Elasticsearch: the database work overlaps the indexing instead of
    adding to it. One bulk request is in flight at a time (as with plain
    ``streaming_bulk``); the queue holds two chunks, so memory stays flat. The
    database stays on this thread (its connection and transaction)."""
    outbox: queue.Queue = queue.Queue(maxsize=2 * chunk_size)
    inbox: queue.Queue = queue.Queue()
    sender = threading.Thread(
        target=_send_all,
        args=(client, outbox, inbox, chunk_size),
        name="reindex-sender",
        daemon=True,
    )
    sender.start()
    pending: list[dict] = []
    try:
        documents = public_documents(chunk_size=chunk_size, rebuild=rebuild)
        for page_id, version, document in documents:
            progress(1)
            if document is None:
                report.skipped += 1
                continue
            outbox.put(
                {
                    "_op_type": "index",
                    # The alias, not the index: once a stopped run removed it, a
                    # late request fails instead of re-creating the index.
                    "_index": building_alias_name(),
                    "_id": page_key(page_id),
                    "version": version,
                    "version_type": "external",
                    "_source": document,  # a dict, or stored JSON text as is
                }
            )
            _collect(inbox, report, pending, chunk_size, block=False)
    finally:
        outbox.put(_DONE)
        while _collect(inbox, report, pending, chunk_size, block=True):
            pass
        sender.join()
    _remember(pending)


_DONE = object()


def _send_all(client, outbox: queue.Queue, inbox: queue.Queue, chunk_size) -> None:
    def actions():
        while (action := outbox.get()) is not _DONE:
            yield action

    try:
        for result in streaming_bulk(
            client,
            actions(),
            chunk_size=chunk_size,
            max_chunk_bytes=MAX_REQUEST_CHARS,
            max_retries=3,
            raise_on_error=False,
            raise_on_exception=True,
            require_alias=True,
        ):
            inbox.put(result)
    except BaseException as exc:  # handed to the reading thread, which re-raises
        inbox.put(exc)
        while outbox.get() is not _DONE:  # unblock the reader, then stop
            pass
    inbox.put(_DONE)


def _collect(inbox, report, pending, chunk_size, *, block: bool) -> bool:
    """Account for the bulk results received so far; False once the sender ended."""
    while True:
        try:
            result = inbox.get(block=block)
        except queue.Empty:
            return True
        if result is _DONE:
            return False
        if isinstance(result, BaseException):
            raise result
        ok, item = result
        outcome = item["index"]
        if ok:
            report.written += 1
            pending.append(outcome)
            if len(pending) >= chunk_size:
                _remember(pending)
        elif outcome.get("status") == 409:
            report.newer += 1
        elif len(report.errors) < 20:
            report.errors.append(f"{outcome.get('_id')}: {outcome.get('error')}")
        if block:
            return True


def _remember(results: list[dict]) -> None:
    """Editors see when their page was last indexed, also after a reindex."""
    moment = timezone.now()
    upsert_versioned(
        IndexedState,
        [
            {
                "object_key": r["_id"],
                "version": r["_version"],
                "present": True,
                "indexed_at": moment,
            }
            for r in results
        ],
        update=("present", "indexed_at"),
    )
    results.clear()

"""Full rebuild of the public index from the database, without downtime.

A new timestamped index is loaded while the old one keeps serving; the outbox drain
writes live changes to both (through the building alias). Documents carry the page's
own publish time as external version, so a change the outbox wrote meanwhile (a
later version) is never overwritten by the reindex's older read of the page.
"""

import time
from dataclasses import dataclass, field

from django.utils import timezone
from elasticsearch import Elasticsearch
from elasticsearch.helpers import streaming_bulk

from search import index_management as im
from search.documents import building_alias_name
from search.outbox_models import IndexedState

from .bulk import MAX_REQUEST_CHARS
from .source import count_candidates, public_documents, source_version
from .upsert import upsert_versioned


class ReindexInProgress(RuntimeError):
    pass


class ReindexFailed(RuntimeError):
    pass


@dataclass
class ReindexReport:
    index: str = ""
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
    keep: int = 1,
    chunk_size: int = 500,
    force: bool = False,
    progress=None,
) -> ReindexReport:
    """Build, swap, clean up. ``progress`` is called with the number of pages done."""
    started = time.monotonic()
    client.cluster.health(timeout="5s")  # unreachable: fail before touching anything
    running = im.indexes_of(client, building_alias_name())
    if running and not force:
        raise ReindexInProgress(", ".join(running))
    for index in running:
        im.drop_building(client, index)
    report = ReindexReport(index=im.create_index(client, building=True))
    try:
        im.point_building_alias(client, report.index)
        _load(client, report, chunk_size, progress or (lambda n: None))
        if report.errors:
            raise ReindexFailed("; ".join(report.errors[:5]))
        im.finish_build(client, report.index)
        report.replaced = im.swap_alias(client, report.index)
    except BaseException:
        im.drop_building(client, report.index)  # the old index keeps serving
        raise
    report.deleted = im.delete_old_indexes(client, keep=keep)
    report.seconds = time.monotonic() - started
    return report


def total_pages() -> int:
    return count_candidates()


def _load(client, report: ReindexReport, chunk_size: int, progress) -> None:
    pending: list[dict] = []

    def actions():
        for page, document in public_documents(chunk_size=chunk_size):
            progress(1)
            if document is None:
                report.skipped += 1
                continue
            yield {
                "_op_type": "index",
                "_index": report.index,
                "_id": document["object_key"],
                "version": source_version(page),
                "version_type": "external",
                "_source": document,
            }

    results = streaming_bulk(
        client,
        actions(),
        chunk_size=chunk_size,
        max_chunk_bytes=MAX_REQUEST_CHARS,
        max_retries=3,
        raise_on_error=False,
        raise_on_exception=True,
    )
    for ok, item in results:
        result = item["index"]
        if ok:
            report.written += 1
            pending.append(result)
            if len(pending) >= chunk_size:
                _remember(pending)
        elif result.get("status") == 409:
            report.newer += 1
        elif len(report.errors) < 20:
            report.errors.append(f"{result.get('_id')}: {result.get('error')}")
    _remember(pending)


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

"""Bulk requests for a batch of outbox rows, with external versions.

Each row becomes an ``index`` (document) or ``delete`` action per target (the public
alias, plus the index being rebuilt during a reindex). Elasticsearch applies an
externally versioned write only if its version is larger than the stored one, so:

* 409 (version conflict) means the index already holds a newer state: success;
* 404 on delete means there was nothing to delete: success.
"""

import json
from collections.abc import Callable
from dataclasses import dataclass, field

from elasticsearch import Elasticsearch


@dataclass
class Outcome:
    ok: set[str] = field(default_factory=set)
    failed: dict[str, str] = field(default_factory=dict)  # key -> error
    indexed: set[str] = field(default_factory=set)  # subset of ok: present in index


MAX_REQUEST_CHARS = 20_000_000  # well under Elasticsearch's 100 MB request limit


def bulk_write(
    client: Elasticsearch,
    targets: list[str],
    writes: list[tuple[str, int, dict | None]],
    *,
    before_chunk: Callable[[], None] | None = None,
) -> Outcome:
    """``writes`` are (key, version, document or None for delete). Sent in as few
    requests as the size limit allows (documents with long attachments are big);
    ``before_chunk`` runs before each request (the outbox renews its lease)."""
    outcome = Outcome()
    batch, size = [], 0
    for write in writes:
        weight = len(json.dumps(write[2])) * len(targets) if write[2] else 100
        if batch and size + weight > MAX_REQUEST_CHARS:
            _send(client, targets, batch, outcome, before_chunk)
            batch, size = [], 0
        batch.append(write)
        size += weight
    if batch:
        _send(client, targets, batch, outcome, before_chunk)
    return outcome


def _send(client, targets, writes, outcome: Outcome, before_chunk=None) -> None:
    if before_chunk is not None:
        before_chunk()
    operations, owners = [], []
    for key, version, document in writes:
        for target in targets:
            meta = {
                "_index": target,
                "_id": key,
                "version": version,
                "version_type": "external",
            }
            if document is None:
                operations.append({"delete": meta})
            else:
                operations.extend([{"index": meta}, document])
            owners.append(key)
    # require_alias: never let a write auto-create a concrete index named like the
    # alias (it would shadow the alias for good).
    response = client.bulk(operations=operations, require_alias=True)
    failed = {}
    for key, item in zip(owners, response["items"], strict=True):
        ((action, result),) = item.items()
        error = _error(action, result)
        if error:
            failed[key] = error
    outcome.failed.update(failed)
    for key, _version, document in writes:
        if key not in failed:
            outcome.ok.add(key)
            if document is not None:
                outcome.indexed.add(key)


def _error(action: str, result: dict) -> str:
    status = result.get("status", 500)
    if status < 300 or status == 409 or (action == "delete" and status == 404):
        return ""
    error = result.get("error") or {}
    if isinstance(error, dict):
        return f"{status} {error.get('type', '')}: {error.get('reason', '')}"[:1000]
    return f"{status} {error}"[:1000]

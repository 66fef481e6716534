"""Timestamped indexes behind aliases: create, point, swap, clean up.

Readers and the outbox drain use ``alias_name()``; a full reindex builds a new index
``<alias>-YYYYmmddHHMMSS`` reachable as ``building_alias_name()`` (so live changes
reach it too), then moves the public alias onto it in one atomic alias update.
No index but the one behind the public alias is kept afterwards: an index nobody
writes to would go stale, and pointing the alias back at it would bring back pages
withdrawn since.
"""

import logging
import re
from datetime import UTC, datetime, timedelta

from elasticsearch import ApiError, Elasticsearch

from search.client import get_client
from search.documents import PublicDocument, alias_name, building_alias_name

logger = logging.getLogger(__name__)

# Deletes leave a versioned tombstone for this long. Longer than the default 60 s,
# so a write from a slow reindex batch cannot bring back a page the outbox removed.
EXTRA_SETTINGS = {"index.gc_deletes": "10m"}


def index_body() -> dict:
    body = PublicDocument._index.to_dict()
    return {
        "settings": {**body.get("settings", {}), **EXTRA_SETTINGS},
        "mappings": body["mappings"],
    }


def timestamped_indexes(client: Elasticsearch) -> list[str]:
    """All indexes this alias family ever had, oldest first (names sort by time)."""
    pattern = re.compile(rf"^{re.escape(alias_name())}-\d{{14}}$")
    found = client.indices.get(index=f"{alias_name()}-*", expand_wildcards="open")
    return sorted(name for name in found if pattern.match(name))


def indexes_of(client: Elasticsearch, alias: str) -> list[str]:
    response = client.options(ignore_status=404).indices.get_alias(name=alias)
    return sorted(
        name
        for name, value in response.body.items()
        if isinstance(value, dict) and alias in value.get("aliases", {})
    )


def create_index(client: Elasticsearch, *, building: bool = False) -> str:
    """A new empty index with our mapping, named by UTC second. Names must sort in
    creation order (retention keeps the newest by name), so a name is never earlier
    than one already taken, even when reindexes follow each other within a second."""
    body = index_body()
    if building:  # nobody reads it until the swap: no refreshes while loading
        body["settings"] = {**body["settings"], "refresh_interval": "-1"}
    moment = datetime.now(UTC).replace(microsecond=0)
    existing = timestamped_indexes(client)
    if existing:
        latest = datetime.strptime(existing[-1][-14:], "%Y%m%d%H%M%S").replace(
            tzinfo=UTC
        )
        moment = max(moment, latest + timedelta(seconds=1))
    for _ in range(60):
        name = f"{alias_name()}-{moment:%Y%m%d%H%M%S}"
        try:
            client.indices.create(index=name, **body)
            return name
        except ApiError as exc:
            if exc.meta.status != 400 or "already_exists" not in str(exc):
                raise
            moment += timedelta(seconds=1)
    raise RuntimeError("no free index name")


def ensure_index(client: Elasticsearch | None = None) -> str:
    """The index behind the public alias, creating the first one if there is none
    (a fresh cluster, before any ``search_reindex``)."""
    client = client or get_client()
    current = indexes_of(client, alias_name())
    if current:
        return current[0]
    if client.indices.exists(index=alias_name()):
        raise RuntimeError(
            f"{alias_name()} is a concrete index, not an alias: delete it and run "
            "search_reindex"
        )
    name = create_index(client)
    client.indices.update_aliases(actions=[_add(name, alias_name())])
    current = indexes_of(client, alias_name())
    if len(current) > 1:
        # Two workers raced to create the first index: keep the oldest, drop ours.
        keep, extra = current[0], current[1:]
        client.indices.update_aliases(
            actions=[{"remove": {"index": i, "alias": alias_name()}} for i in extra]
        )
        client.options(ignore_status=404).indices.delete(index=",".join(extra))
        return keep
    logger.info("Created the first public search index %s", name)
    return name


def write_targets(client: Elasticsearch) -> list[str]:
    """Where live changes go: the public alias, and the index being rebuilt if a
    reindex is running. Each alias resolves to exactly one index."""
    ensure_index(client)
    targets = [alias_name()]
    if indexes_of(client, building_alias_name()):
        targets.append(building_alias_name())
    return targets


def point_building_alias(client: Elasticsearch, index: str) -> None:
    actions = [
        {"remove": {"index": old, "alias": building_alias_name()}}
        for old in indexes_of(client, building_alias_name())
    ]
    client.indices.update_aliases(
        actions=[*actions, _add(index, building_alias_name())]
    )


def swap_alias(client: Elasticsearch, index: str) -> list[str]:
    """Move the public alias onto ``index`` and drop the building alias, in one
    atomic update: readers see either the old or the new index, never neither."""
    old = [name for name in indexes_of(client, alias_name()) if name != index]
    actions = [{"remove": {"index": name, "alias": alias_name()}} for name in old]
    actions.append(_add(index, alias_name()))
    actions.append({"remove": {"index": index, "alias": building_alias_name()}})
    client.indices.update_aliases(actions=actions)
    return old


def drop_unserved(client: Elasticsearch) -> list[str]:
    """Delete every index of the family that the public alias does not point at
    (a replaced index, a half-built one and its building alias). Only the holder of
    the reindex lock may call this: then nothing else is building."""
    building = indexes_of(client, building_alias_name())
    if building:
        client.options(ignore_status=404).indices.delete_alias(
            index=",".join(building), name=building_alias_name()
        )
    serving = set(indexes_of(client, alias_name()))
    doomed = sorted(set(timestamped_indexes(client) + building) - serving)
    if doomed:  # by name: wildcard deletes are refused by default
        client.options(ignore_status=404).indices.delete(index=",".join(doomed))
    return doomed


def finish_build(client: Elasticsearch, index: str) -> None:
    """Make a loaded index searchable: normal refreshes, then one refresh now."""
    client.indices.put_settings(index=index, settings={"refresh_interval": None})
    client.indices.refresh(index=index)


def _add(index: str, alias: str) -> dict:
    return {"add": {"index": index, "alias": alias, "is_write_index": True}}

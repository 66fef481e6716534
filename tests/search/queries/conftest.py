"""The fixed corpus in a fresh index behind ``alias_name()``, on the real server.

Module-scoped: each test module gets a fresh index (``<alias>-<random>``) and the
alias is moved to it atomically (away from whatever it pointed at), then the index is
deleted. Nothing here uses the indexing pipeline: the corpus is our own.
"""

import uuid

import pytest
from elasticsearch.helpers import bulk

from search.client import _client, get_client
from search.documents import PublicDocument, alias_name
from search.language.analysis import analyze
from search.queries.params import SearchParams

from .corpus import DOCS, to_document


def create_index(client, documents) -> str:
    alias = alias_name()
    name = f"{alias}-{uuid.uuid4().hex[:8]}"
    client.indices.create(
        index=name,
        mappings=PublicDocument._doc_type.mapping.to_dict(),
        settings={"number_of_shards": 1, "number_of_replicas": 0},
    )
    actions = (
        [{"remove": {"index": "*", "alias": alias}}]
        if _alias_exists(client, alias)
        else []
    )
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    bulk(
        client,
        ({"_index": name, "_id": d["object_key"], "_source": d} for d in documents),
        refresh="wait_for",
    )
    return name


def _alias_exists(client, alias) -> bool:
    return bool(client.indices.exists_alias(name=alias))


@pytest.fixture(scope="module")
def corpus_index():
    _client.cache_clear()
    client = get_client()
    name = create_index(client, [to_document(row, analyze) for row in DOCS])
    yield name
    client.indices.delete(index=name, ignore_unavailable=True)


@pytest.fixture
def index_extra(corpus_index):
    """Add documents to the corpus index for one test; removed afterwards."""
    client = get_client()
    added = []

    def add(document: dict):
        client.index(
            index=corpus_index,
            id=document["object_key"],
            document=document,
            refresh="wait_for",
        )
        added.append(document["object_key"])

    yield add
    for key in added:
        client.delete(index=corpus_index, id=key, refresh="wait_for")


def params(q: str = "", **kwargs) -> SearchParams:
    """SearchParams with tuple-valued filters given as lists or single values."""
    for name in ("opd", "type", "kategori", "year", "series"):
        value = kwargs.get(name)
        if value is not None and not isinstance(value, (list, tuple)):
            kwargs[name] = (value,)
        elif value is not None:
            kwargs[name] = tuple(value)
    return SearchParams(q=q, **kwargs)

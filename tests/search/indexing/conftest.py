"""Fixtures for the indexing suite: a clean set of test indexes on the real
Elasticsearch for every test."""

import pytest

from search.client import _client, get_client
from search.documents import alias_name


def _drop_test_indexes():
    client = get_client()
    names = list(client.indices.get(index=f"{alias_name()}*", expand_wildcards="all"))
    if names:  # by name: wildcard deletes are refused by default
        client.indices.delete(index=",".join(names))


@pytest.fixture(autouse=True)
def clean_indexes():
    _client.cache_clear()
    _drop_test_indexes()
    yield
    _client.cache_clear()
    _drop_test_indexes()


@pytest.fixture
def es():
    return get_client()

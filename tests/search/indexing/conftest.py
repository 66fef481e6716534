"""Fixtures for the indexing suite: a clean set of test indexes on the real
Elasticsearch for every test, and documents stored on the real S3 server."""

import itertools

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from search.client import _client, get_client
from search.documents import alias_name

_serial = itertools.count(1)


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


@pytest.fixture
def make_document(opds):
    def make(title, content: bytes, extension: str):
        return get_document_model().objects.create(
            title=title,
            file=ContentFile(content, name=f"lampiran{next(_serial)}.{extension}"),
            collection=opds["diskominfo"].collection,
        )

    return make

"""Our client reaches the real Elasticsearch and an index round trip works."""

import uuid

import pytest

from search.client import cluster_status, get_client, index_name


@pytest.fixture
def scratch_index():
    client = get_client()
    name = index_name(f"scratch-{uuid.uuid4().hex[:8]}")
    client.indices.create(index=name)
    yield client, name
    client.indices.delete(index=name, ignore_unavailable=True)


def test_cluster_is_healthy():
    assert cluster_status() in {"green", "yellow"}


def test_index_and_find_a_document(scratch_index):
    client, name = scratch_index
    client.index(
        index=name,
        id="1",
        refresh=True,
        document={"title": "Pengelolaan konten Diskominfo", "opd": "diskominfo"},
    )
    hits = client.search(index=name, query={"match": {"title": "konten"}})["hits"]
    assert hits["total"]["value"] == 1
    assert hits["hits"][0]["_source"]["opd"] == "diskominfo"

"""``search_reindex``: a new index built from the database while the old one keeps
serving, live changes reaching both, an atomic swap, and a clear error when
Elasticsearch is down."""

import io
import time

import pytest
from django.core.management import CommandError, call_command

from search.client import _client
from search.documents import alias_name, building_alias_name
from search.index_management import indexes_of, timestamped_indexes
from search.indexing import reindex as reindex_module
from search.indexing.keys import page_key
from search.indexing.models import IndexedState
from tests.factories import add_dip_entry, add_item, publish

from .helpers import drain, indexed

pytestmark = pytest.mark.django_db


def run_reindex(*args) -> str:
    out = io.StringIO()
    call_command("search_reindex", "--quiet", *args, stdout=out, stderr=out)
    return out.getvalue()


def test_swap_while_old_index_serves(opds, es, monkeypatch):
    first = add_item(opds["diskominfo"], "Rilis Pertama")
    edited = add_item(opds["dinkes"], "Judul Sebelum")
    entry = add_dip_entry(opds["dinkes"], "Profil Dinas", tahun=2024)
    drain()
    (old_index,) = indexes_of(es, alias_name())
    seen = {}
    real = reindex_module.public_documents

    def during_reindex(**kwargs):
        stream = real(**kwargs)
        yield next(stream)  # the reindex has read its first chunk of pages...
        (seen["building"],) = indexes_of(es, building_alias_name())
        seen["serving"] = indexes_of(es, alias_name())
        seen["first_found"] = indexed(first) is not None
        # ...and an editor publishes meanwhile: the outbox writes both indexes.
        edited.title = "Judul Sesudah"
        publish(edited)
        seen["late"] = add_item(opds["bpbd"], "Terbit Saat Reindex")
        drain()
        yield from stream

    monkeypatch.setattr(reindex_module, "public_documents", during_reindex)
    output = run_reindex()
    assert seen["serving"] == [old_index] and seen["first_found"]
    assert seen["building"] != old_index
    assert indexes_of(es, alias_name()) == [seen["building"]]
    assert indexes_of(es, building_alias_name()) == []
    es.indices.refresh(index=alias_name())
    assert indexed(first) and indexed(entry)["dip_kategori"] == "berkala"
    assert indexed(seen["late"])
    # The reindex read the page before the edit: its older version lost.
    assert indexed(edited)["title"] == "Judul Sesudah"
    assert "; 1 already newer" in output
    assert old_index not in timestamped_indexes(es)  # replaced: deleted
    assert IndexedState.objects.get(object_key=page_key(first.pk)).present


def test_reindex_streams_in_chunks(opds, monkeypatch):
    for n in range(23):
        add_item(opds["diskominfo"], f"Butir {n}", live=True)
    pulled = []
    first_result_after = []
    real_documents = reindex_module.public_documents
    real_bulk = reindex_module.streaming_bulk

    def counting_documents(**kwargs):
        for item in real_documents(**kwargs):
            pulled.append(item[0])
            yield item

    def watching_bulk(*args, **kwargs):
        for result in real_bulk(*args, **kwargs):
            if not first_result_after:
                # The worst case, which a loaded machine produces by chance: the
                # reader has run as far ahead as it can before the first answer.
                time.sleep(0.3)
            first_result_after.append(len(pulled))
            yield result

    monkeypatch.setattr(reindex_module, "public_documents", counting_documents)
    monkeypatch.setattr(reindex_module, "streaming_bulk", watching_bulk)
    run_reindex("--chunk-size", "5")
    # The first documents were sent while reading went on: reading runs at most a
    # two-chunk queue ahead of indexing, never through all the pages first. At the
    # first answer: the chunk sent (5), the next action the chunker holds (1), the
    # full queue (2 * 5) and the page the reader waits to queue (1).
    assert len(pulled) >= 26  # 23 items + 3 OPD profiles
    assert first_result_after[0] <= 3 * 5 + 2 < len(pulled)


def test_keeps_no_previous_index(opds, es):
    add_item(opds["diskominfo"], "Rilis")
    drain()
    for _ in range(2):
        run_reindex()
    assert timestamped_indexes(es) == indexes_of(es, alias_name())


def test_leftover_of_a_crashed_run_is_removed_by_the_next(opds, es):
    from search.index_management import create_index, point_building_alias

    leftover = create_index(es, building=True)
    point_building_alias(es, leftover)
    orphan = create_index(es, building=True)  # created, never pointed at
    output = run_reindex()
    assert f"{leftover}, {orphan}" in output
    assert indexes_of(es, building_alias_name()) == []
    assert timestamped_indexes(es) == indexes_of(es, alias_name())


def test_unreachable_elasticsearch_is_a_clear_error(opds, settings):
    settings.ELASTICSEARCH_URL = "http://user:secret@127.0.0.1:9"
    _client.cache_clear()
    with pytest.raises(CommandError) as error:
        run_reindex()
    message = str(error.value)
    assert "http://127.0.0.1:9" in message and "unreachable" in message
    assert "secret" not in message

"""Stored documents: a full reindex resends what the drain or an earlier reindex
built, rebuilding only pages that changed or when the builder rules changed."""

import io

import pytest
from django.core.management import call_command

from search.indexing import source as source_module
from search.indexing.keys import page_key
from search.indexing.models import BuiltDocument
from search.language import analysis
from search.language.models import SearchTerm
from tests.factories import add_item, publish

from .helpers import drain, indexed

pytestmark = pytest.mark.django_db


@pytest.fixture
def builds(monkeypatch):
    """Titles of the pages whose document was built during the test."""
    titles = []
    real = source_module.build_document

    def counting(page, context):
        titles.append(page.title)
        return real(page, context)

    monkeypatch.setattr(source_module, "build_document", counting)
    return titles


def reindex(*args):
    call_command("search_reindex", "--quiet", *args, stdout=io.StringIO())


def test_drain_stores_and_unpublish_forgets(opds, es):
    item = add_item(opds["diskominfo"], "Rilis Tersimpan")
    drain()
    stored = BuiltDocument.objects.get(object_key=page_key(item.pk))
    assert stored.document["title"] == "Rilis Tersimpan"
    item.unpublish()
    drain()
    assert not BuiltDocument.objects.filter(object_key=page_key(item.pk)).exists()


def test_second_reindex_rebuilds_only_changed_pages(opds, es, builds):
    kept = add_item(opds["diskominfo"], "Tetap Sama")
    edited = add_item(opds["dinkes"], "Judul Lama")
    reindex()
    assert {"Tetap Sama", "Judul Lama"} <= set(builds)
    builds.clear()
    edited.title = "Judul Baru"
    publish(edited)  # not drained: only the reindex brings the new title
    reindex()
    assert builds == ["Judul Baru"]
    assert indexed(kept)["title"] == "Tetap Sama"
    assert indexed(edited)["title"] == "Judul Baru"


def test_rebuild_flag_builds_everything(opds, es, builds):
    add_item(opds["diskominfo"], "Satu")
    reindex()
    builds.clear()
    reindex("--rebuild")
    assert "Satu" in builds and len(builds) >= 4  # the item and 3 OPD profiles


def test_new_protected_term_invalidates_every_stored_document(
    opds, es, builds, django_capture_on_commit_callbacks
):
    add_item(opds["diskominfo"], "Pembangunan Jembatan")
    reindex()
    builds.clear()
    with django_capture_on_commit_callbacks(execute=True):
        SearchTerm.objects.create(term="pembangunan", protect_from_stemming=True)
    reindex()
    analysis.invalidate_vocabulary()  # the row vanishes with the test transaction
    assert "Pembangunan Jembatan" in builds and len(builds) >= 4

"""Editorial changes reach the public index through the outbox, and only public,
not withheld pages are ever in it."""

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.content.models import ArticlePage
from cms.series.models import SeriesPage
from search.indexing.keys import page_key
from search.indexing.models import IndexedState, SearchOutbox
from tests.factories import add_dip_entry, add_item, publish

from .helpers import drain, indexed, search_keys

pytestmark = pytest.mark.django_db


def test_publish_is_found_after_commit(opds, django_capture_on_commit_callbacks):
    # The real path: outbox row in the transaction, drain task enqueued on commit
    # (eager in tests), the document in Elasticsearch.
    with django_capture_on_commit_callbacks(execute=True):
        page = add_item(
            opds["dinkes"],
            "Imunisasi Campak Serentak",
            model=ArticlePage,
            summary="Jadwal imunisasi di puskesmas.",
            author_name="Tim Promkes",
            body=[("paragraph", "<p>Bawa <b>buku KIA</b> ke puskesmas.</p>")],
        )
        page.tags.add("kesehatan")
        publish(page)
    drain()  # refresh
    doc = indexed(page)
    assert doc["kind"] == "artikel"
    assert doc["title"] == "Imunisasi Campak Serentak"
    assert doc["opd_slug"] == "dinkes"
    assert doc["opd_name"] == "Dinas Kesehatan"
    assert "buku KIA ke puskesmas" in doc["body"]
    assert "<b>" not in doc["body"]
    assert "Tim Promkes" in doc["body"]
    assert doc["tags"] == ["kesehatan"]
    assert doc["url"] == page.get_url(None)
    assert doc["year"] == page.publish_date.year
    assert doc["suggest"]["input"][0] == "Imunisasi Campak Serentak"
    assert doc["title_stem"] and doc["body_stem"]
    assert not SearchOutbox.objects.exists()
    state = IndexedState.objects.get(object_key=page_key(page.pk))
    assert state.present


def test_unpublish_removes(opds):
    page = add_item(opds["diskominfo"], "Layanan Daring Baru")
    drain()
    assert indexed(page)
    page.unpublish()
    drain()
    assert indexed(page) is None
    assert not IndexedState.objects.get(object_key=page_key(page.pk)).present


def test_draft_is_never_indexed(opds):
    draft = add_item(opds["diskominfo"], "Rancangan Rilis", live=False)
    live = add_item(opds["diskominfo"], "Rilis Terbit")
    live.title = "Judul Draf Belum Terbit"
    live.save_revision()  # a draft change of a live page
    drain()
    assert indexed(draft) is None
    assert indexed(live)["title"] == "Rilis Terbit"


@pytest.mark.parametrize("where", ["opd", "page"])
def test_private_pages_are_removed_and_return(opds, where):
    page = add_item(opds["bpbd"], "Peta Rawan Banjir")
    drain()
    assert indexed(page)
    target = opds["bpbd"] if where == "opd" else page
    restriction = PageViewRestriction.objects.create(
        page=target, restriction_type=PageViewRestriction.LOGIN
    )
    drain()
    assert indexed(page) is None
    restriction.delete()
    drain()
    assert indexed(page)["title"] == "Peta Rawan Banjir"


def test_dip_exempted_never_indexed_berkala_indexed(opds):
    berkala = add_dip_entry(
        opds["diskominfo"],
        "Laporan Realisasi Anggaran",
        tahun=2025,
        ringkasan="Realisasi anggaran semester pertama.",
    )
    secret = add_dip_entry(
        opds["diskominfo"],
        "Dokumen Sandi Negara",
        kategori="dikecualikan",
        ringkasan="Isi yang dirahasiakan.",
    )
    drain()
    doc = indexed(berkala)
    assert doc["kind"] == "dip"
    assert doc["dip_kategori"] == "berkala"
    assert doc["year"] == 2025
    assert doc["summary"] == "Realisasi anggaran semester pertama."
    assert indexed(secret) is None
    assert not search_keys("summary", "dirahasiakan")


def test_dip_entry_becoming_exempted_is_removed(opds):
    entry = add_dip_entry(opds["dinkes"], "Data Pasien Wabah", kategori="serta_merta")
    drain()
    assert indexed(entry)["boost"] > 1  # serta merta ranks first
    entry.kategori = "dikecualikan"
    entry.dasar_hukum = "Pasal 17 huruf h UU 14/2008"
    publish(entry)
    drain()
    assert indexed(entry) is None


def test_move_to_another_opd_updates_opd(opds):
    page = add_item(opds["diskominfo"], "Pindah Tugas")
    drain()
    assert indexed(page)["opd_slug"] == "diskominfo"
    Page.objects.get(pk=page.pk).move(opds["dinkes"], pos="last-child")
    drain()
    doc = indexed(page)
    assert doc["opd_slug"] == "dinkes"
    assert doc["url"].startswith("/dinkes/")


def test_delete_removes(opds):
    page = add_item(opds["diskominfo"], "Akan Dihapus")
    drain()
    assert indexed(page)
    key = page_key(page.pk)
    Page.objects.get(pk=page.pk).delete()
    drain()
    assert indexed(page) is None
    assert not IndexedState.objects.filter(object_key=key).exists()
    assert not SearchOutbox.objects.exists()


def test_opd_profile_and_series(opds):
    opd = opds["dinkes"]
    opd.profile = "<p>Melayani kesehatan masyarakat Banten.</p>"
    opd.tupoksi = "<p>Menyusun kebijakan teknis kesehatan.</p>"
    publish(opd)
    series = add_item(
        opd, "Info RB Tematik", model=SeriesPage, description="<p>Stunting.</p>"
    )
    item = add_item(opds["bpbd"], "Bagian Satu", series=series)
    drain()
    doc = indexed(opd)
    assert doc["kind"] == "opd"
    assert "kebijakan teknis" in doc["body"] and "Melayani" in doc["body"]
    assert doc["opd_slug"] == "dinkes"
    assert "DINKES" in doc["suggest"]["input"]
    assert indexed(series)["kind"] == "seri"
    assert indexed(series)["opd_slug"] == "dinkes"
    assert indexed(item)["series_slug"] == series.slug
    series.unpublish()  # a private or withdrawn series is no facet of its items
    drain()
    assert indexed(series) is None
    assert indexed(item)["series_slug"] is None


def test_opd_rename_reaches_its_items(opds):
    item = add_item(opds["bpbd"], "Siaga Banjir")
    drain()
    opd = opds["bpbd"]
    opd.title = "Badan Penanggulangan Bencana Daerah Provinsi Banten"
    publish(opd)
    drain()
    assert indexed(item)["opd_name"] == opd.title

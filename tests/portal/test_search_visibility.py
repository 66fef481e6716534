"""What the search page can ever show: pages put in place by editors and indexed by
the real pipeline (outbox -> Elasticsearch). Drafts, draft changes, private pages and
exempted DIP entries never appear, nor the exempted category as a filter."""

import pytest
from wagtail.models import PageViewRestriction

from search.client import _client, get_client
from search.documents import alias_name
from tests.factories import add_dip_entry, add_item
from tests.search.indexing.helpers import drain

pytestmark = pytest.mark.django_db


def _drop_test_indexes():
    client = get_client()
    names = list(client.indices.get(index=f"{alias_name()}*", expand_wildcards="all"))
    if names:
        client.indices.delete(index=",".join(names))


@pytest.fixture(autouse=True)
def clean_indexes():
    _client.cache_clear()
    _drop_test_indexes()
    yield
    _client.cache_clear()
    _drop_test_indexes()


def test_only_public_pages_are_found(client, opds):
    add_item(opds["dinkes"], "Vaksinasi Kenari Terbuka", summary="Jadwal kenari.")
    add_item(opds["dinkes"], "Vaksinasi Kenari Rancangan", live=False)
    changed = add_item(opds["dinkes"], "Vaksinasi Kenari Lama")
    changed.title = "Vaksinasi Kenari Judul Draf"
    changed.save_revision()  # a draft change of a live page
    private = add_item(opds["bpbd"], "Vaksinasi Kenari Internal")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    add_dip_entry(
        opds["dinkes"],
        "Vaksinasi Kenari Daftar Penerima",
        kategori="dikecualikan",
        ringkasan="Nama dan NIK penerima vaksinasi kenari.",
    )
    add_dip_entry(
        opds["dinkes"], "Vaksinasi Kenari Laporan", kategori="berkala", tahun=2025
    )
    drain()

    response = client.get("/cari/", {"q": "vaksinasi kenari"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>Kenari</mark> Terbuka" in html
    assert "<mark>Kenari</mark> Lama" in html
    assert "<mark>Kenari</mark> Laporan" in html
    for hidden in ("Rancangan", "Judul Draf", "Internal", "Penerima", "NIK"):
        assert hidden not in html
    assert "3 hasil" in html
    assert 'value="dikecualikan"' not in html


def test_exempted_category_cannot_be_asked_for(client, opds):
    response = client.get("/cari/", {"kategori": "dikecualikan"})
    assert response.status_code == 400
    assert "Kategori tidak dikenal" in response.content.decode()

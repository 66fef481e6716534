"""Topic and type listings, and the rule every listing keeps: drafts, private
pages and exempted information never appear."""

import pytest
from wagtail.models import PageViewRestriction

from cms.content.models import ArticlePage, NewsPage
from tests.factories import add_dip_entry, add_item, add_series

from .helpers import html_of, soup

pytestmark = pytest.mark.django_db

HIDDEN = ("Draf rahasia", "Halaman terbatas", "Rincian dikecualikan")


@pytest.fixture
def mixed(opds):
    """Public items and, next to them, everything a citizen must never see listed."""
    series = add_series(opds["dinkes"], "Banten Sehat", slug="banten-sehat")
    common = {"series": series, "tags": ["kesehatan"], "serta_merta": True}
    add_item(opds["dinkes"], "Imunisasi gratis", **common)
    add_item(opds["dinkes"], "Draf rahasia", live=False, **common)
    private = add_item(opds["dinkes"], "Halaman terbatas", **common)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    add_dip_entry(
        opds["dinkes"],
        "Rekam medis pasien",
        kategori="dikecualikan",
        ringkasan="Rincian dikecualikan",
    )
    return series


def test_no_listing_shows_drafts_private_or_exempted_content(client, mixed):
    for url in ("/", "/dinkes/", mixed.url, "/topik/", "/topik/kesehatan/"):
        html = html_of(client.get(url))
        for hidden in HIDDEN:
            assert hidden not in html, (url, hidden)
    assert "Imunisasi gratis" in html_of(client.get("/jenis/rilis/"))
    for hidden in HIDDEN:
        assert hidden not in html_of(client.get("/jenis/rilis/"))


def test_topics_list_public_topics_with_counts(client, opds):
    add_item(opds["dinkes"], "Satu", tags=["kesehatan"])
    add_item(opds["bpbd"], "Dua", tags=["kesehatan", "bencana"])
    add_item(opds["bpbd"], "Draf", tags=["rahasia"], live=False)
    page = soup(client.get("/topik/"))
    topics = [a.get_text(" ", strip=True) for a in page.select(".topic-cloud a")]
    assert topics == ["kesehatan 2", "bencana 1"]
    detail = soup(client.get("/topik/kesehatan/"))
    assert {h.get_text(strip=True) for h in detail.select(".card-title")} == {
        "Satu",
        "Dua",
    }
    assert client.get("/topik/rahasia/").status_code == 404
    assert client.get("/topik/tidak-ada/").status_code == 404


def test_type_listing_shows_one_type_and_paginates(client, opds):
    for number in range(13):
        add_item(opds["dinkes"], f"Rilis {number:02d}", model=NewsPage)
    add_item(opds["dinkes"], "Sebuah artikel", model=ArticlePage)
    page = soup(client.get("/jenis/rilis/"))
    assert page.h1.get_text(strip=True) == "Rilis berita"
    assert len(page.select(".card")) == 12
    assert "Sebuah artikel" not in page.get_text()
    second = soup(client.get("/jenis/rilis/?halaman=2"))
    assert [h.get_text(strip=True) for h in second.select(".card-title")] == [
        "Rilis 00"
    ]
    assert "Sebuah artikel" in html_of(client.get("/jenis/artikel/"))
    assert client.get("/jenis/tidak-ada/").status_code == 404

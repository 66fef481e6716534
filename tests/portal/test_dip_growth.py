"""The province-wide /dip/ keeps a constant cost per page however long the DIP
grows: the four categories in the law's order with a preview each, a chosen
category paged. Entries are created through the importer (bulk), as a province
migrating its old DIP would."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.dip_views import PAGE_SIZE, PREVIEW_SIZE

pytestmark = pytest.mark.django_db

# Of every ten entries: seven berkala, one of each other category.
KATEGORI_CYCLE = ["berkala"] * 7 + ["serta_merta", "setiap_saat", "dikecualikan"]
URLS = ["/dip/", "/dip/?kategori=berkala", "/dip/?kategori=berkala&halaman=2"]


def _line(number: int) -> str:
    kategori = KATEGORI_CYCLE[number % len(KATEGORI_CYCLE)]
    dip = {"kategori": kategori, "tahun": 2020 + number % 5}
    if kategori == "dikecualikan":
        dip["dasar_hukum"] = "Pasal 17 huruf a UU 14/2008"
    record = {
        "source_url": f"https://lama.bantenprov.go.id/dip/{number}",
        "opd": "bpbd" if number % 2 else "dinkes",
        "type": "dip",
        "title": f"Informasi {number:04d}",
        "published": "2026-01-02T09:00:00+07:00",
        "body_html": "<p>Tersedia di layanan PPID.</p>",
        "dip": dip,
    }
    return json.dumps(record) + "\n"


@pytest.fixture
def add_entries(opds, settings):
    from cms.importer.services import content_import

    settings.PORTAL_PAGE_CACHE_TTL = 0  # measure the view, not the page cache
    made = [0]

    def add(count):
        lines = [_line(n) for n in range(made[0], made[0] + count)]
        report = content_import(lines=lines)
        assert not report.bad_lines
        made[0] += count

    return add


def _queries_and_sizes(client):
    counts, sizes = [], []
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts.append(len(queries.captured_queries))
        sizes.append(len(response.content))
    return counts, sizes


def test_cost_per_page_is_the_same_for_100_and_1000_entries(client, add_entries):
    add_entries(100)
    client.get("/dip/")  # warm the site root cache
    few_queries, few_sizes = _queries_and_sizes(client)
    add_entries(900)
    many_queries, many_sizes = _queries_and_sizes(client)
    assert many_queries == few_queries
    # Full pages show as many entries at both sizes (the last page of 100 is not
    # full): the same size, give or take the digits of counts and page numbers.
    for few, many in zip(few_sizes[:2], many_sizes[:2], strict=True):
        assert many < few * 1.05


def test_overview_keeps_the_law_order_with_a_preview_and_a_link_to_all(
    client, add_entries
):
    add_entries(100)  # 70 berkala, 10 of each other category
    html = client.get("/dip/").content.decode()
    headings = [
        "Informasi berkala",
        "Informasi serta merta",
        "Informasi tersedia setiap saat",
        "Informasi dikecualikan",
    ]
    positions = [html.index(f">{heading}</h2>") for heading in headings]
    assert positions == sorted(positions)
    assert html.count('class="dip-entry') == 3 * PREVIEW_SIZE + PREVIEW_SIZE
    assert '<a href="?kategori=berkala">Lihat semua 70 informasi berkala</a>' in html
    assert "100 informasi" in html  # the whole count, not the preview's
    # The category navigation, in the same order, with each count.
    nav = html[html.index('class="dip-categories"') :]
    assert nav.index("Berkala (70)") < nav.index("Serta merta (10)")
    assert nav.index("Serta merta (10)") < nav.index("Dikecualikan (10)")


def test_a_category_is_paged_with_its_whole_count(client, add_entries):
    add_entries(100)  # 70 berkala: two pages
    first = client.get("/dip/?kategori=berkala").content.decode()
    second = client.get("/dip/?kategori=berkala&halaman=2").content.decode()
    assert first.count('class="dip-entry') == PAGE_SIZE
    assert second.count('class="dip-entry') == 70 - PAGE_SIZE
    assert "70 informasi" in first and "Halaman 1 dari 2" in first
    assert 'rel="next" href="?kategori=berkala&amp;halaman=2"' in first
    assert 'aria-current="page">Berkala (70)' in first
    assert "Informasi serta merta" not in first  # only the chosen category
    titles = {line for line in first.split("\n") if "Informasi 0" in line}
    assert not titles & {line for line in second.split("\n") if "Informasi 0" in line}


def test_the_year_filter_carries_into_the_category_links(client, add_entries):
    add_entries(100)
    html = client.get("/dip/?tahun=2021").content.decode()
    assert "?kategori=berkala&amp;tahun=2021" in html
    paged = client.get("/dip/?kategori=berkala&tahun=2021").content.decode()
    assert "Informasi 0001" in paged and "Informasi 0002" not in paged


def test_paged_categories_and_counts_leave_out_what_the_public_may_not_see(
    client, opds, settings
):
    from tests.factories import add_dip_entry, make_private

    settings.PORTAL_PAGE_CACHE_TTL = 0
    opd = opds["dinkes"]
    add_dip_entry(opd, "Entri terbuka", ringkasan="Ringkasan terbuka.")
    add_dip_entry(opd, "Entri draf RAHASIADRAF", live=False)
    make_private(add_dip_entry(opd, "Entri privat RAHASIAPRIVAT"))
    add_dip_entry(
        opd, "Sandi gedung", kategori="dikecualikan", ringkasan="RAHASIAKECUALI"
    )
    berkala = client.get("/dip/?kategori=berkala").content.decode()
    assert "Entri terbuka" in berkala and "Berkala (1)" in berkala
    exempted = client.get("/dip/?kategori=dikecualikan").content.decode()
    # Only the fact of the exemption: title and legal basis, no summary or link.
    assert "Sandi gedung" in exempted and "Pasal 17 huruf a" in exempted
    assert "Dikecualikan (1)" in exempted
    for html in (berkala, exempted, client.get("/dip/").content.decode()):
        assert "RAHASIA" not in html
        assert "sandi-gedung" not in html

"""The province-wide DIP at /dip/: every OPD's entries by category, filters, and
the way to each OPD's own DIP and PPID."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.dip.models import DIPIndexPage
from tests.factories import add_dip_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(opds):
    return [
        add_dip_entry(
            opds["dinkes"],
            "Laporan keuangan 2025",
            slug="lk-2025",
            kategori="berkala",
            tahun=2025,
            ringkasan="LRA, neraca dan CaLK",
        ),
        add_dip_entry(
            opds["bpbd"],
            "Peta rawan banjir",
            slug="peta-banjir",
            kategori="serta_merta",
            tahun=2026,
        ),
        add_dip_entry(
            opds["dinkes"],
            "Rekam medis pasien",
            slug="rekam-medis",
            kategori="dikecualikan",
            tahun=2026,
            ringkasan="RAHASIA-ISI",
            dasar_hukum="Pasal 17 huruf h UU 14/2008",
        ),
    ]


def test_province_dip_aggregates_all_opds_by_category(client, entries):
    html = client.get("/dip/").content.decode()
    assert "Laporan keuangan 2025" in html and "Peta rawan banjir" in html
    assert html.index("Laporan keuangan 2025") < html.index("Peta rawan banjir")
    assert "Dinas Kesehatan" in html  # each entry names its OPD
    assert "Pasal 17 huruf h UU 14/2008" in html
    assert "RAHASIA-ISI" not in html
    assert "Cara meminta informasi publik" in html


def test_filter_by_category_and_year(client, entries):
    html = client.get("/dip/?kategori=berkala").content.decode()
    assert "Laporan keuangan 2025" in html and "Peta rawan banjir" not in html
    html = client.get("/dip/?tahun=2026").content.decode()
    assert "Peta rawan banjir" in html and "Laporan keuangan 2025" not in html
    html = client.get("/dip/?kategori=dikecualikan&tahun=2026").content.decode()
    assert "Rekam medis pasien" in html and "Peta rawan banjir" not in html
    assert "RAHASIA-ISI" not in html
    html = client.get("/dip/?tahun=99999").content.decode()
    assert "Laporan keuangan 2025" not in html and "0 informasi" in html


def test_bad_filter_is_a_clear_400(client, entries):
    response = client.get("/dip/?kategori=rahasia&tahun=dua")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Kategori tidak dikenal" in html and "Tahun harus berupa angka" in html
    assert "Laporan keuangan 2025" in html  # the whole list, with the message


def test_draft_entries_are_not_listed(client, opds):
    add_dip_entry(
        opds["dinkes"], "Draf DIP", slug="draf", kategori="berkala", live=False
    )
    assert "Draf DIP" not in client.get("/dip/").content.decode()


def test_links_to_every_opd_dip(client, opds):
    html = client.get("/dip/").content.decode()
    for opd in opds.values():
        index = DIPIndexPage.objects.child_of(opd).get()
        assert f'<a href="{index.url}">{opd.title}</a>' in html


def test_query_count_does_not_grow_with_entries(
    client, opds, settings, django_assert_max_num_queries
):
    settings.PORTAL_PAGE_CACHE_TTL = 0  # measure the view, not the page cache

    def add(count, start):
        for number in range(start, start + count):
            add_dip_entry(
                opds["bpbd" if number % 2 else "dinkes"],
                f"Informasi {number}",
                slug=f"info-{number}",
                kategori="berkala",
                tahun=2020 + number % 5,
            )

    add(2, 0)
    client.get("/dip/")  # warm the site root cache
    with CaptureQueriesContext(connection) as few:
        client.get("/dip/")
    add(10, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/dip/").content.decode()
    assert "Informasi 11" in html

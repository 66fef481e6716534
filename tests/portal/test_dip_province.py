import pytest

from cms.dip.models import DIPEntryPage, DIPIndexPage

pytestmark = pytest.mark.django_db


def _entry(opd, **fields):
    index = DIPIndexPage.objects.child_of(opd).get()
    entry = DIPEntryPage(**fields)
    index.add_child(instance=entry)
    entry.save_revision().publish()
    return entry


@pytest.fixture
def entries(opds):
    return [
        _entry(
            opds["dinkes"],
            title="Laporan keuangan 2025",
            slug="lk-2025",
            kategori="berkala",
            tahun=2025,
            ringkasan="LRA, neraca dan CaLK",
        ),
        _entry(
            opds["bpbd"],
            title="Peta rawan banjir",
            slug="peta-banjir",
            kategori="serta_merta",
            tahun=2026,
        ),
        _entry(
            opds["dinkes"],
            title="Rekam medis pasien",
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
    assert "Pasal 17 huruf h UU 14/2008" in html
    assert "RAHASIA-ISI" not in html


def test_filter_by_category_and_year(client, entries):
    html = client.get("/dip/?kategori=berkala").content.decode()
    assert "Laporan keuangan 2025" in html and "Peta rawan banjir" not in html
    html = client.get("/dip/?tahun=2026").content.decode()
    assert "Peta rawan banjir" in html and "Laporan keuangan 2025" not in html


def test_bad_filter_is_a_clear_400(client, entries):
    response = client.get("/dip/?kategori=rahasia&tahun=dua")
    assert response.status_code == 400
    assert "Kategori tidak dikenal" in response.content.decode()


def test_draft_entries_are_not_listed(client, opds):
    index = DIPIndexPage.objects.child_of(opds["dinkes"]).get()
    draft = DIPEntryPage(title="Draf DIP", slug="draf", kategori="berkala", live=False)
    index.add_child(instance=draft)
    assert "Draf DIP" not in client.get("/dip/").content.decode()

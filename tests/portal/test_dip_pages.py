"""Each OPD's DIP page and the DIP entry pages: filters, the four category headings,
exempted entries without their content or documents, downloads, how to ask the PPID,
and schema.org data."""

import json
import re

import pytest

from cms.dip.models import DIPDocument, DIPIndexPage
from tests.factories import DocumentFactory, add_dip_entry

pytestmark = pytest.mark.django_db


@pytest.fixture
def dinkes(opds):
    opd = opds["dinkes"]
    opd.ppid_name = "PPID Pelaksana Dinas Kesehatan"
    opd.ppid_email = "ppid@dinkes.example.id"
    opd.save_revision().publish()
    return opd


@pytest.fixture
def entries(dinkes, opds):
    report = DocumentFactory(
        collection=dinkes.collection,
        title="Laporan Keuangan 2025",
        name="laporan-keuangan-2025.pdf",
        content=b"x" * 2048,
    )
    secret_doc = DocumentFactory(
        collection=dinkes.collection,
        title="Rekam Medis Lengkap",
        name="rekam-medis-lengkap.pdf",
        content=b"%PDF-1.4 laporan",
    )
    return {
        "berkala": add_dip_entry(
            dinkes,
            "Laporan keuangan 2025",
            documents=[DIPDocument(document=report)],
            slug="lk-2025",
            kategori="berkala",
            tahun=2025,
            ringkasan="LRA, neraca dan CaLK",
            pejabat_penguasa="Sekretaris Dinas",
            retensi="10 tahun",
        ),
        "setiap_saat": add_dip_entry(
            dinkes,
            "Daftar puskesmas",
            slug="puskesmas",
            kategori="setiap_saat",
            tahun=2024,
        ),
        "exempted": add_dip_entry(
            dinkes,
            "Rekam medis pasien",
            documents=[DIPDocument(document=secret_doc)],
            slug="rekam-medis",
            kategori="dikecualikan",
            tahun=2025,
            ringkasan="RAHASIA-ISI",
            dasar_hukum="Pasal 17 huruf h UU 14/2008",
        ),
        "draft": add_dip_entry(
            dinkes, "Draf DIP", live=False, slug="draf", kategori="berkala"
        ),
        "other_opd": add_dip_entry(
            opds["bpbd"], "Peta rawan banjir", slug="peta", kategori="berkala"
        ),
    }


def _index_url(opd):
    return DIPIndexPage.objects.child_of(opd).get().url


def _json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    return [json.loads(block) for block in blocks]


def test_opd_dip_lists_its_entries_under_the_four_headings(client, entries, dinkes):
    response = client.get(_index_url(dinkes))
    html = response.content.decode()
    assert response.status_code == 200
    headings = re.findall(r'<h2 id="kat-[a-z_]+">(.*?)</h2>', html)
    assert headings == [
        "Informasi berkala",
        "Informasi serta merta",
        "Informasi tersedia setiap saat",
        "Informasi dikecualikan",
    ]
    assert "Laporan keuangan 2025" in html and "Daftar puskesmas" in html
    assert "Belum ada informasi dalam kategori ini." in html  # serta merta
    assert "Peta rawan banjir" not in html  # another OPD's
    assert "Draf DIP" not in html


def test_exempted_entries_show_only_title_basis_and_period(client, entries, dinkes):
    for url in (_index_url(dinkes), "/dip/", entries["exempted"].url):
        html = client.get(url).content.decode()
        assert "Rekam medis pasien" in html
        assert "Pasal 17 huruf h UU 14/2008" in html
        assert "RAHASIA-ISI" not in html
        assert "Rekam Medis Lengkap" not in html and "rekam-medis-lengkap" not in html
    html = client.get(entries["exempted"].url).content.decode()
    assert not any(d.get("@type") == "Dataset" for d in _json_ld(html))


def test_opd_dip_filters_by_category_and_year(client, entries, dinkes):
    url = _index_url(dinkes)
    html = client.get(url, {"kategori": "setiap_saat"}).content.decode()
    assert "Daftar puskesmas" in html and "Laporan keuangan 2025" not in html
    assert "Informasi berkala" not in html  # only the chosen category's heading
    assert '<option value="setiap_saat" selected>' in html
    html = client.get(url, {"tahun": "2025"}).content.decode()
    assert "Laporan keuangan 2025" in html and "Daftar puskesmas" not in html
    assert '<option value="2025" selected>' in html and '<option value="2024">' in html
    response = client.get(url, {"kategori": "rahasia", "tahun": "dua"})
    assert response.status_code == 400
    assert "Kategori tidak dikenal" in response.content.decode()


def test_entry_page_shows_attributes_and_downloads(client, entries, dinkes):
    html = client.get(entries["berkala"].url).content.decode()
    assert "Sekretaris Dinas" in html and "10 tahun" in html
    assert "Pejabat/unit yang menguasai" in html and "Bentuk informasi" in html
    assert re.search(r'<a href="[^"]+" download>Laporan Keuangan 2025</a>', html)
    assert "(PDF, 2 KB)" in html  # the size read from storage when not recorded
    # How to ask: the OPD's PPID.
    assert "PPID Pelaksana Dinas Kesehatan" in html
    assert 'href="mailto:ppid@dinkes.example.id"' in html
    dataset = next(d for d in _json_ld(html) if d.get("@type") == "Dataset")
    assert dataset["name"] == "Laporan keuangan 2025"
    assert dataset["temporalCoverage"] == "2025"
    assert dataset["distribution"][0]["encodingFormat"] == "application/pdf"


def test_documents_of_private_collections_are_not_offered(client, dinkes):
    hidden = DocumentFactory(
        collection=dinkes.exempt_collection,
        title="Lampiran Internal",
        name="lampiran-internal.pdf",
        content=b"%PDF-1.4 laporan",
    )
    entry = add_dip_entry(
        dinkes,
        "Data gizi",
        documents=[DIPDocument(document=hidden)],
        slug="gizi",
        kategori="berkala",
    )
    html = client.get(entry.url).content.decode()
    assert "Lampiran Internal" not in html
    assert "belum tersedia secara daring" in html


def test_dip_pages_describe_a_data_catalog(client, entries, dinkes):
    html = client.get(_index_url(dinkes)).content.decode()
    catalog = next(d for d in _json_ld(html) if d.get("@type") == "DataCatalog")
    names = {dataset["name"] for dataset in catalog["dataset"]}
    assert names == {"Laporan keuangan 2025", "Daftar puskesmas"}
    assert "Cara meminta informasi publik" in html

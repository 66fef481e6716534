"""DIP: grouped by kategori; exempted entries show only title, legal basis and
period, never their documents or body, anywhere."""

import datetime

import pytest

from cms.dip.models import DIPDocument
from tests.factories import DocumentFactory, add_dip_entry, publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def dip(opds):
    open_document = DocumentFactory(title="Laporan keuangan")
    shared = DocumentFactory(title="Lampiran bersama")
    secret = DocumentFactory(title="Dokumen rahasia")
    entry = add_dip_entry(
        opds["dinkes"],
        "LKPJ 2024",
        tahun=2024,
        ringkasan="Laporan",
        keterangan='<p>Lihat <a href="/x/">x</a></p>',
    )
    for document in (open_document, shared):
        DIPDocument.objects.create(entry=entry, document=document)
    publish(entry)
    exempted = add_dip_entry(
        opds["dinkes"],
        "Rencana pengamanan",
        kategori="dikecualikan",
        ringkasan="RINGKASAN RAHASIA",
        keterangan="<p>KETERANGAN RAHASIA</p>",
        dikecualikan_sampai=datetime.date(2030, 1, 1),
        tahun=2023,
    )
    for document in (secret, shared):
        DIPDocument.objects.create(entry=exempted, document=document)
    publish(exempted)
    add_dip_entry(
        opds["bpbd"], "Peta rawan bencana", kategori="setiap_saat", tahun=2023
    )
    add_dip_entry(opds["bpbd"], "Draf", live=False)
    return {"entry": entry, "exempted": exempted, "open": open_document}


def entries(body, kategori):
    [group] = [g for g in body["groups"] if g["kategori"] == kategori]
    return group["entries"]


def test_province_dip_groups_every_category(client, dip):
    body = client.get("/api/v1/dip/").json()
    assert body["opd"] is None
    assert [g["kategori"] for g in body["groups"]] == [
        "berkala",
        "serta_merta",
        "setiap_saat",
        "dikecualikan",
    ]
    assert body["groups"][0]["heading"] == "Informasi berkala"
    assert entries(body, "serta_merta") == []
    assert body["years"] == [2024, 2023]
    [listed] = entries(body, "berkala")
    assert listed["title"] == "LKPJ 2024"
    assert listed["opd"] == {"slug": "dinkes", "name": "Dinas Kesehatan"}
    assert 'href="http' in listed["keterangan"]
    # The document also linked from an exempted entry is withheld here too.
    assert [d["title"] for d in listed["documents"]] == ["Laporan keuangan"]
    assert listed["documents"][0]["url"].startswith("http")
    assert "Draf" not in str(body)


def test_exempted_entries_show_only_the_fact_of_exemption(client, dip):
    body = client.get("/api/v1/dip/").json()
    [exempted] = entries(body, "dikecualikan")
    assert exempted == {
        "id": dip["exempted"].pk,
        "title": "Rencana pengamanan",
        "opd": {"slug": "dinkes", "name": "Dinas Kesehatan"},
        "kategori": "dikecualikan",
        "dasar_hukum": "Pasal 17 huruf a UU 14/2008",
        "dikecualikan_sampai": "2030-01-01",
    }
    for url in ("/api/v1/dip/", "/api/v1/opd/dinkes/dip/", "/api/v1/content/"):
        text = client.get(url).content.decode()
        assert "RAHASIA" not in text and "Dokumen rahasia" not in text, url
        assert "Lampiran bersama" not in text, url


def test_filters_and_opd_dip(client, dip):
    body = client.get(
        "/api/v1/dip/?kategori=setiap_saat,dikecualikan&tahun=2023"
    ).json()
    assert [g["kategori"] for g in body["groups"]] == ["setiap_saat", "dikecualikan"]
    assert [e["title"] for g in body["groups"] for e in g["entries"]] == [
        "Peta rawan bencana",
        "Rencana pengamanan",
    ]
    body = client.get("/api/v1/dip/?opd=bpbd").json()
    assert [e["title"] for g in body["groups"] for e in g["entries"]] == [
        "Peta rawan bencana"
    ]
    own = client.get("/api/v1/opd/dinkes/dip/?kategori=berkala").json()
    assert own["opd"] == {"slug": "dinkes", "name": "Dinas Kesehatan"}
    assert [e["title"] for g in own["groups"] for e in g["entries"]] == ["LKPJ 2024"]
    assert own["years"] == [2024, 2023]
    for query, parameter in [
        ("kategori=rahasia", "kategori"),
        ("tahun=dua-ribu", "tahun"),
        ("opd=tidak-ada", "opd"),
    ]:
        response = client.get("/api/v1/dip/?" + query)
        assert response.status_code == 400
        assert list(response.json()["error"]["fields"]) == [parameter]

"""/ppid/laporan/<year>/: the public annual PPID report, numbers only, the same
figures as the admin page, accessible tables, cached like the portal's pages."""

import uuid
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from cms.ppid.annual import annual_report
from tests.cms.ppid.annual_dataset import SECRETS, build, set_clock

from .helpers import html_of, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def data(monkeypatch, settings):
    settings.PORTAL_PAGE_CACHE_TTL = 0  # each test reads fresh pages
    dataset = build(monkeypatch)
    set_clock(monkeypatch, date(2026, 3, 2))
    return dataset


def _tables(page, selector="table") -> dict[str, dict[str, list[str]]]:
    """caption -> row heading -> cells, for the page's tables."""
    return {
        table.caption.get_text(" ", strip=True).replace(" — ", " "): {
            tr.th.get_text(strip=True): [td.get_text(strip=True) for td in tr("td")]
            for tr in table.tbody.find_all("tr")
        }
        for table in page.select(selector)
    }


def test_accessible_tables_with_the_admins_figures(data):
    page = soup(Client().get("/ppid/laporan/2025/"))
    assert page.h1.get_text(strip=True) == "Laporan layanan informasi publik 2025"
    tables = page.find_all("table")
    assert len(tables) == 4  # three groups of columns and the refusal grounds
    for table in tables:
        assert table.caption.get_text(strip=True)
        assert {th["scope"] for th in table.thead.find_all("th")} == {"col"}
        assert {th["scope"] for th in table.tbody.find_all("th")} == {"row"}
    admin = Client()
    admin.force_login(data["people"].utama)
    admin_page = soup(admin.get(reverse("ppid_annual:index") + "?tahun=2025"))
    public = _tables(page)
    assert {k: v for k, v in public.items() if "ditolak menurut" not in k} == (
        _tables(admin_page, "table.ppid-annual__table")
    )
    # Spot check against the report itself: the province row of the first table.
    total = annual_report(2025).total
    first = next(iter(public.values()))
    assert first["Provinsi Banten (jumlah)"][:4] == [
        str(total[key]) for key in ("received", "decided", "on_time", "extended")
    ]
    legend = [dt.get_text(strip=True) for dt in page.find_all("dt")]
    assert "Diputus tepat waktu" in legend and "Sengketa dicabut" in legend


def test_no_identity_no_request_text_no_hidden_entry(data):
    text = html_of(Client().get("/ppid/laporan/2025/"))
    for info in data["requests"]:
        assert info.register_number not in text
        assert info.information_requested[:30] not in text
    for secret in SECRETS:
        assert secret not in text
    assert "rahasia-permohonan" not in text
    assert "Rekam medis pasien" in text  # a published exempted entry: its title
    assert "Hasil uji tertutup" not in text  # a draft entry: not even its title
    assert "Pasal 17 huruf h UU 14/2008" in text


def test_latest_year_and_other_years(data):
    page = soup(Client().get("/ppid/laporan/"))
    assert "2026" in page.h1.get_text()
    rows = _tables(page)
    assert set(next(iter(rows.values()))) == {
        "PPID Utama Provinsi Banten",
        data["opds"]["dinkes"].title,
        "Provinsi Banten (jumlah)",
    }
    years = [a.get_text() for a in page.select("nav .years a")]
    assert years == ["2025"]
    assert Client().get("/ppid/laporan/2027/").status_code == 404
    assert Client().get("/ppid/laporan/2009/").status_code == 404


def test_an_empty_year_says_so(data):
    page = soup(Client().get("/ppid/laporan/2024/"))
    assert page.find("table") is None
    assert "Belum ada permohonan informasi pada tahun 2024" in page.get_text()


def test_cached_like_the_portal_pages(data, settings):
    settings.PORTAL_PAGE_CACHE_TTL = 300
    # Unique per run: the content generation outlives a test database.
    url = f"/ppid/laporan/2025/?uji-cache={uuid.uuid4().hex}"
    first = Client().get(url)
    assert (
        "public" in first["Cache-Control"] and "max-age=300" in first["Cache-Control"]
    )
    assert first.get("X-Portal-Cache") == "miss"
    second = Client().get(url)
    assert second.get("X-Portal-Cache") == "hit"
    assert second.content == first.content

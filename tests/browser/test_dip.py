"""The DIP (Daftar Informasi Publik) in a browser: filtering by category and year,
province-wide and per OPD; an exempted entry shows only the fact of the exemption."""

import re

import pytest
from playwright.sync_api import expect

from .data import EXEMPT_SECRET

pytestmark = pytest.mark.django_db


def section(page, heading: str):
    return page.get_by_role("region", name=heading)


def test_province_dip_filter_by_category_and_year(page, portal):
    entries = portal.dip
    page.goto("/")
    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="DIP/PPID"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Daftar Informasi Publik"
    )
    for entry in entries.values():  # everything public is listed before filtering
        expect(page.get_by_role("heading", name=entry.title)).to_be_visible()

    page.get_by_label("Kategori", exact=True).select_option(label="Berkala")
    page.get_by_label("Tahun").select_option("2024")
    page.get_by_role("button", name="Terapkan").click()

    expect(page).to_have_url(re.compile(r"kategori=berkala.*tahun=2024"))
    periodic = section(page, "Informasi berkala")
    expect(
        periodic.get_by_role("link", name=entries["berkala_2024"].title)
    ).to_be_visible()
    expect(page.get_by_text(entries["berkala_2023"].title)).to_have_count(0)
    expect(page.get_by_text(entries["setiap_saat"].title)).to_have_count(0)
    expect(page.get_by_text(entries["dikecualikan"].title)).to_have_count(0)
    expect(page.get_by_label("Kategori", exact=True)).to_have_value(
        "berkala"
    )  # state kept

    periodic.get_by_role("link", name=entries["berkala_2024"].title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        entries["berkala_2024"].title
    )


def test_opd_dip_filter_by_year(page, portal):
    entries = portal.dip
    page.goto(portal.urls["dip-index:dinkes"])
    expect(page.get_by_text(entries["serta_merta"].title)).to_have_count(0)  # BPBD's
    page.get_by_label("Tahun").select_option("2023")
    page.get_by_role("button", name="Terapkan").click()
    expect(page).to_have_url(re.compile(r"tahun=2023"))
    expect(page.get_by_role("link", name=entries["berkala_2023"].title)).to_be_visible()
    expect(page.get_by_text(entries["berkala_2024"].title)).to_have_count(0)


def test_exempted_entry_shows_title_and_legal_basis_never_its_content(page, portal):
    exempted = portal.dip["dikecualikan"]
    page.goto("/dip/?kategori=dikecualikan")
    group = section(page, "Informasi dikecualikan")
    expect(group.get_by_role("heading", name=exempted.title)).to_be_visible()
    expect(group.get_by_text(exempted.dasar_hukum)).to_be_visible()
    expect(group.get_by_role("link", name=exempted.title)).to_have_count(0)
    expect(page.get_by_text(EXEMPT_SECRET)).to_have_count(0)

    page.goto(portal.urls["dip:dikecualikan"])  # even by its address
    expect(page.get_by_text(EXEMPT_SECRET)).to_have_count(0)

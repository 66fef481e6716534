"""Filing an information request at /ppid/permohonan/ in a real browser: the
error summary, the form filled as a citizen would, the receipt with the register
number, deadline and secret link, then the requester's page; axe finds no
serious violation and the CSP blocks nothing on the way. Screenshots go to
var/screenshots/ (ppid-*.png)."""

import re

import pytest
from playwright.sync_api import expect

from .axe import blocking_violations, report
from .test_csp import violations, watched_page

pytestmark = pytest.mark.django_db


def fill_request(page) -> None:
    page.get_by_role("radio", name=re.compile("^Perorangan")).check()
    page.get_by_label("Nama pemohon").fill("Siti Rahmawati")
    page.get_by_label("Nomor identitas").fill("3601234567890123")
    page.locator("#id_email").fill("siti.browser@example.org")
    page.get_by_label("Ditujukan kepada").select_option(label="Dinas Kesehatan")
    page.get_by_label("Informasi yang diminta").fill(
        "Salinan laporan realisasi anggaran program imunisasi tahun 2025."
    )
    page.get_by_label("Tujuan penggunaan informasi").fill(
        "Bahan penelitian kesehatan masyarakat."
    )
    page.get_by_role("radio", name=re.compile("^Salinan elektronik")).check()
    page.get_by_role("radio", name=re.compile("^Surel")).check()
    page.get_by_role("checkbox", name=re.compile("Saya menyatakan")).check()


def assert_accessible(page, where: str, blocked: list) -> None:
    """No serious axe violation, and what the CSP blocked on this page noted."""
    blocked += violations(page)
    found = blocking_violations(page)
    assert not found, report(where, found)


def test_file_a_request_in_a_browser(open_page, portal, screenshots):
    page, console = watched_page(open_page)
    blocked: list[str] = []
    page.goto("/ppid/permohonan/")
    expect(
        page.get_by_role("heading", name="Permohonan informasi publik", level=1)
    ).to_be_visible()
    assert_accessible(page, "/ppid/permohonan/", blocked)

    page.get_by_label("Nama pemohon").fill("Siti Rahmawati")
    page.get_by_role("button", name="Kirim permohonan").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("perlu diperbaiki")
    expect(page.get_by_label("Nama pemohon")).to_have_value("Siti Rahmawati")
    page.screenshot(path=screenshots / "ppid-kesalahan.png", full_page=True)
    assert_accessible(page, "/ppid/permohonan/ with errors", blocked)
    summary.get_by_role("link", name=re.compile("^Informasi yang diminta")).click()
    expect(page.get_by_label("Informasi yang diminta")).to_be_focused()

    fill_request(page)
    page.screenshot(path=screenshots / "ppid-permohonan.png", full_page=True)
    page.get_by_role("button", name="Kirim permohonan").click()
    expect(
        page.get_by_role("heading", name="Permohonan Anda sudah teregistrasi")
    ).to_be_visible()
    number = page.locator(".code--big").inner_text()
    assert re.fullmatch(r"PPID/20\d\d/\d{6}", number)
    expect(page.get_by_text(re.compile(r"sisa \d+ hari kerja"))).to_be_visible()
    page.screenshot(path=screenshots / "ppid-terkirim.png", full_page=True)
    assert_accessible(page, "/ppid/permohonan/terkirim/", blocked)

    page.locator(".secret-link a").click()
    expect(
        page.get_by_role("heading", name=f"Permohonan informasi {number}")
    ).to_be_visible()
    expect(page.get_by_text("Dinas Kesehatan").first).to_be_visible()
    page.screenshot(path=screenshots / "ppid-pemohon.png", full_page=True)
    assert_accessible(page, "the requester's page", blocked)

    page.goto("/ppid/register/")
    expect(page.locator("tbody th", has_text=number)).to_be_visible()
    expect(page.get_by_text("Siti Rahmawati")).to_have_count(0)
    assert_accessible(page, "/ppid/register/", blocked)
    page.screenshot(path=screenshots / "ppid-register.png", full_page=True)
    assert not blocked + console, blocked + console

"""Reporting at /lapor/ in a real browser, with and without JavaScript: the form,
its error summary, the receipt with the code, then following the report at
/lapor/lacak/. Screenshots go to var/screenshots/ (lapor-*.png)."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import picture_bytes

from .axe import blocking_violations, report

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def categories(portal, django_db_blocker):
    """Committed, for the live server; the package fixture flushes them after."""
    from tests.factories.complaints import add_category

    with django_db_blocker.unblock():
        return [
            add_category("Jalan dan jembatan", opd=portal.opds["dinkes"]),
            add_category("Layanan kesehatan", opd=portal.opds["dinkes"]),
        ]


def fill_report(page, email: str, title: str) -> None:
    page.get_by_role("radio", name=re.compile("^Pengaduan")).check()
    page.get_by_label("Kategori").select_option(label="Jalan dan jembatan")
    page.get_by_label("Judul laporan").fill(title)
    page.get_by_label("Uraian").fill(
        "Lubang besar di tengah jalan sejak sebulan lalu, berbahaya bagi pemotor."
    )
    page.get_by_label("Kabupaten/kota").select_option(label="Kota Serang")
    page.get_by_label("Alamat atau lokasi").fill("Jl. Syech Nawawi Al Bantani")
    page.locator("#id_attachments").set_input_files(
        {
            "name": "jalan.jpg",
            "mimeType": "image/jpeg",
            "buffer": picture_bytes(320, 240, (10, 120, 200), image_format="JPEG"),
        }
    )
    page.locator("#id_reporter_name").fill("Budi Santoso")
    page.locator("#id_reporter_email").fill(email)
    page.get_by_role("checkbox", name=re.compile("Saya menyatakan")).check()


def submit_and_follow(page, screenshots, name: str) -> str:
    page.get_by_role("button", name="Kirim laporan").click()
    expect(
        page.get_by_role("heading", name="Laporan Anda sudah kami terima")
    ).to_be_visible()
    code = page.locator(".code--big").inner_text()
    assert re.fullmatch(r"[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}", code)
    page.screenshot(path=screenshots / f"lapor-terkirim-{name}.png", full_page=True)
    page.get_by_role("link", name="Ikuti laporan ini").click()
    expect(page.get_by_role("heading", name=f"Laporan {code}")).to_be_visible()
    expect(page.get_by_text("Laporan diterima").first).to_be_visible()
    expect(page.get_by_text("Budi Santoso")).to_have_count(0)
    page.screenshot(path=screenshots / f"lapor-lacak-{name}.png", full_page=True)
    return code


def test_report_without_javascript(open_page, categories, screenshots):
    page = open_page(java_script_enabled=False)
    page.goto("/lapor/")
    fill_report(page, "tanpa-js@example.org", "Jalan berlubang di Cipocok Jaya")
    page.screenshot(path=screenshots / "lapor-form-nojs.png", full_page=True)
    submit_and_follow(page, screenshots, "nojs")


def test_report_with_javascript_after_fixing_errors(open_page, categories, screenshots):
    page = open_page()
    page.goto("/lapor/")
    page.get_by_label("Judul laporan").fill("Lampu jalan padam di Kasemen")
    page.get_by_role("button", name="Kirim laporan").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("perlu diperbaiki")
    expect(page.get_by_label("Judul laporan")).to_have_value(
        "Lampu jalan padam di Kasemen"
    )
    page.screenshot(path=screenshots / "lapor-kesalahan.png", full_page=True)
    violations = blocking_violations(page)
    assert not violations, report("/lapor/ with errors", violations)
    summary.get_by_role("link", name=re.compile("^Uraian")).click()
    expect(page.get_by_label("Uraian")).to_be_focused()

    fill_report(page, "dengan-js@example.org", "Lampu jalan padam di Kasemen")
    submit_and_follow(page, screenshots, "js")


def test_secret_link_forms_work_in_a_browser(open_page, categories, screenshots):
    """The receipt and the secret link page send the origin alone as Referer: under
    "no-referrer" Chromium posts "Origin: null" and every form there (the reply,
    the language switch) failed Django's CSRF check with a 403."""
    page = open_page()
    page.goto("/lapor/")
    fill_report(page, "", "Trotoar rusak di depan Alun-alun Serang")
    page.get_by_role("radio", name=re.compile("^Anonim")).check()
    page.get_by_role("button", name="Kirim laporan").click()
    secret = page.locator(".secret-link a")
    expect(secret).to_be_visible()
    page.goto(secret.get_attribute("href"))

    page.get_by_label("Pesan Anda").fill("Tambahan: lubangnya di sisi timur alun-alun.")
    page.get_by_role("button", name="Kirim balasan").click()
    expect(page.get_by_text("Balasan Anda sudah terkirim.")).to_be_visible()
    page.screenshot(path=screenshots / "lapor-balas-terkirim.png", full_page=True)

    page.locator("form.lang-switch button[value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")

"""The PPID screens of the admin in a real browser: a PPID Pelaksana opens a
request addressed to their OPD and decides it through the form (whose fields
follow the chosen decision without any script of ours), with no CSP violation and
no serious axe violation in our own content; screenshots for people to look at
(var/screenshots/admin-ppid-*.png)."""

import pytest
from playwright.sync_api import expect

from .admin_login import session_cookie
from .axe import admin_screenshots, blocking_violations, report
from .conftest import DESKTOP, MOBILE
from .test_csp import violations, watched_page

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def ppid(portal, django_db_blocker):
    """A Dinkes PPID Pelaksana's session cookie and two requests to Dinkes (one
    overdue), committed for the live server; removed afterwards."""
    from datetime import timedelta

    from cms.ppid import clock
    from cms.ppid.models import InformationRequest
    from tests.cms.ppid.admin_helpers import file_request, pelaksana

    dinkes = portal.opds["dinkes"]
    with django_db_blocker.unblock():
        officer = pelaksana(dinkes, "browser.ppid.dinkes")
        info = file_request(
            dinkes, text="Data cakupan imunisasi dasar lengkap per kabupaten 2025."
        )
        late = file_request(dinkes, text="Daftar puskesmas dengan layanan 24 jam.")
        InformationRequest.objects.filter(pk=late.pk).update(
            due_on=clock.today() - timedelta(days=21)
        )
        cookie = session_cookie(officer, portal.server.url)
    yield {
        "request": info,
        "cookie": cookie,
    }
    with django_db_blocker.unblock():
        InformationRequest.objects.filter(pk__in=[info.pk, late.pk]).delete()
        officer.delete()


def _shoot(page, screenshots, name, viewport):
    admin_screenshots(page, screenshots / f"admin-ppid-{name}.png", viewport)


def _axe(page, where) -> list[str]:
    blocking = blocking_violations(page, main_only=True)
    return [report(where, blocking)] if blocking else []


def test_pelaksana_decides_a_request(open_page, ppid, screenshots):
    info = ppid["request"]
    page, console = watched_page(open_page)
    page.context.add_cookies([ppid["cookie"]])
    failures, found = [], []

    assert page.goto("/admin/ppid/opd/").ok
    overdue = page.locator(".ppid-deadline--overdue").first
    assert "terlambat" in overdue.inner_text()  # in words, not colour alone
    expect(page.get_by_role("link", name=info.register_number)).to_be_visible()
    _shoot(page, screenshots, "opd-1280", DESKTOP)
    failures += _axe(page, "queue at 1280 px")
    found += violations(page)

    page.get_by_role("link", name=info.register_number).click()
    expect(page.get_by_role("heading", name="Pemohon")).to_be_visible()
    page.locator("summary", has_text="Putuskan").click()
    reasons = page.get_by_label("Uji konsekuensi")
    expect(reasons).to_be_hidden()  # the refusal's fields wait for "Ditolak"
    page.get_by_label("Ditolak").check()
    expect(reasons).to_be_visible()
    expect(page.get_by_label("Pasal pengecualian")).to_be_visible()
    # A long exempted DIP entry title must not push the list out of its box.
    page.get_by_label("Entri DIP dikecualikan").evaluate(
        "s => s.add(new Option('Rekam medis pasien layanan kesehatan milik "
        "pemerintah provinsi dan seluruh hasil pemeriksaan laboratoriumnya', '0'))"
    )
    box = page.locator(".ppid-when--ditolak").bounding_box()
    chooser = page.get_by_label("Entri DIP dikecualikan").bounding_box()
    form = page.locator("#aksi-putuskan form").bounding_box()
    assert chooser["x"] + chooser["width"] <= box["x"] + box["width"], (chooser, box)
    assert box["x"] + box["width"] <= form["x"] + form["width"] + 1, (box, form)
    _shoot(page, screenshots, "putuskan-ditolak-1280", DESKTOP)
    failures += _axe(page, "decision form (ditolak) at 1280 px")
    found += violations(page)

    page.get_by_label("Diberikan seluruhnya").check()
    expect(reasons).to_be_hidden()
    page.get_by_label("Jawaban kepada pemohon").fill(
        "Data cakupan imunisasi terlampir dan dikirim melalui surel."
    )
    page.locator("#aksi-putuskan").get_by_role("button", name="Putuskan").click()
    expect(
        page.get_by_text("Keputusan disimpan dan dikirim kepada pemohon.")
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Keputusan", exact=True)).to_be_visible()
    _shoot(page, screenshots, "detail-diputus-1280", DESKTOP)
    failures += _axe(page, "decided request at 1280 px")
    found += violations(page)

    page.set_viewport_size(MOBILE)
    _shoot(page, screenshots, "detail-diputus-375", MOBILE)
    failures += _axe(page, "decided request at 375 px")
    assert not failures, "\n\n".join(failures)
    assert not found + console, "\n".join(found + console)

"""The admin's branding in a real browser: the login page shows Sipanganten's logo
and name, and the signed-in admin's avatars are initials that render (no broken
image) with no request leaving the site. Screenshots: var/screenshots/admin-*.png."""

import pytest
from playwright.sync_api import expect

from .admin_login import signed_in_user

pytestmark = pytest.mark.django_db

BROKEN_IMAGES = """() => [...document.images]
    .filter((img) => img.complete && img.naturalWidth === 0)
    .map((img) => img.src.slice(0, 80))"""


@pytest.fixture(scope="module")
def signed_in_editor(portal, django_db_blocker):
    """The session cookie of a named editor of Dinkes."""
    with signed_in_user(
        portal,
        django_db_blocker,
        opd=portal.opds["dinkes"],
        role="editor",
        username="branding.editor",
        first_name="Siti",
        last_name="Rahmawati",
    ) as cookie:
        yield cookie


def _foreign_requests(page, portal):
    seen = []
    page.on(
        "request",
        lambda request: (
            seen.append(request.url)
            if not request.url.startswith((portal.server.url, "data:", "blob:"))
            else None
        ),
    )
    return seen


def test_login_page_and_dashboard_are_branded(
    open_page, portal, signed_in_editor, screenshots
):
    page = open_page()
    foreign = _foreign_requests(page, portal)
    page.goto("/admin/login/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Masuk ke Sipanganten")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Pemerintah Provinsi Banten"
    )
    logo = page.get_by_role("img", name="Sipanganten — Pemerintah Provinsi Banten")
    expect(logo).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(BROKEN_IMAGES) == []
    assert "Sipanganten" in page.title()
    page.screenshot(path=screenshots / "admin-login.png", full_page=True)

    page.context.add_cookies([signed_in_editor])
    page.goto("/admin/")
    expect(page.locator("#wagtail-sidebar img").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert page.evaluate(BROKEN_IMAGES) == []
    assert "Sipanganten" in page.title()
    page.screenshot(path=screenshots / "admin-dashboard.png")
    assert foreign == []

"""The Content-Security-Policy in a real browser: the main portal pages, the API
docs and the admin's key pages load and work with no violation reported (a blocked
script or style would leave a feature broken without any other sign)."""

import pytest
from playwright.sync_api import expect

from .admin_login import signed_in_user
from .data import QUERY

pytestmark = pytest.mark.django_db

PORTAL_PAGES = (
    "/",
    f"/cari/?q={QUERY}",
    "rilis",
    "video",
    "podcast",
    "infografis",
    "dokumen",
    "series",
    "opd:dinkes",
    "/dip/",
    "dip-index:dinkes",
    "/lapor/",
    "/lapor/lacak/?kode=22222-22222",
    "/halaman-yang-tidak-ada/",
    "/api/v1/docs/",
)
# Reported to the page (and its console) for every blocked load or inline code.
WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}` +
    ` at ${event.sourceFile || location.pathname}:${event.lineNumber}`);
});
"""


def watched_page(open_page):
    page = open_page()
    page.add_init_script(WATCH)
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page, console


def violations(page) -> list[str]:
    page.wait_for_load_state("networkidle")
    return [f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations")]


def test_portal_pages_report_no_violation(open_page, portal):
    page, console = watched_page(open_page)
    found = []
    for name in PORTAL_PAGES:
        response = page.goto(portal.urls.get(name, name))
        assert response.status in (200, 404), f"{name}: HTTP {response.status}"
        assert "content-security-policy" in response.headers
        found += violations(page)
    # The search suggestions (search.js, styled by portal.css) open without one.
    page.goto("/cari/")
    page.get_by_role("combobox", name="Kata kunci").press_sequentially("posyan")
    suggestions = page.get_by_role("listbox")
    expect(suggestions).to_be_visible()
    assert suggestions.evaluate("el => getComputedStyle(el).position") == "absolute"
    found += violations(page)
    assert not found + console, "\n".join(found + console)


@pytest.fixture(scope="module")
def signed_in_admin(portal, django_db_blocker):
    """A superuser's session cookie."""
    with signed_in_user(
        portal, django_db_blocker, superuser=True, username="csp.admin"
    ) as cookie:
        yield cookie


def test_admin_key_pages_report_no_violation(open_page, portal, signed_in_admin):
    page, console = watched_page(open_page)
    page.goto("/admin/login/")
    found = violations(page)
    page.context.add_cookies([signed_in_admin])
    item, opd = portal.items["rilis"], portal.opds["dinkes"]
    for path in (
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{opd.pk}/",
        f"/admin/pages/{item.pk}/edit/",
        f"/admin/pages/{opd.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        "/admin/aduan/masuk/",  # complaints: with reports in test_complaints_admin
        "/admin/aduan/semua/",
    ):
        response = page.goto(path)
        assert response.ok, f"{path}: HTTP {response.status}"
        assert page.url.endswith(path), f"{path}: ended at {page.url}"
        found += violations(page)
    assert not found + console, "\n".join(found + console)

"""The screens of the live admin, the operations panel, the editor guide and the
portal's DIP and phone search, in a real browser in Indonesian: the words a user
needs are there, no English UI word leaks, no serious axe violation, no CSP
violation, nothing wider than a 375 px phone. Screenshots:
var/screenshots/screens-*.png (looked at by a person, not by the test).

The live stream is served under ASGI only (the test server is WSGI), so the
browser's stream is played here: the events the hub would send for what the test
did through the app's own code paths (the workflow actions, a saved draft)."""

import json
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .axe import BLOCKING, SETTLE, admin_screenshots, blocking_violations, report
from .conftest import DESKTOP, MOBILE
from .data import QUERY
from .test_csp import violations, watched_page

pytestmark = pytest.mark.django_db

ID = {"extra_http_headers": {"Accept-Language": "id"}}
# English UI words that must not show in our screens (whole words, any case).
ENGLISH = (
    "Notifications", "Notification", "Mark all", "unread", "Search", "Help",
    "Page", "Edit", "Previous", "Next", "Reload", "Comment", "Overall",
    "Checked", "Contents", "Shortcuts", "Category", "Categories", "Year", "Apply",
    "results", "Filter", "Submitted", "Approved", "published", "ago",
)  # fmt: skip
EDITOR, REVIEWER, OTHER = "Sari Editor", "Budi Peninjau", "Dewi Penulis"
COMMENT = "Mohon lengkapi sumber data."
NAMES = {  # the items' keys and the word in their titles
    "returned": "Kasemen",
    "approved": "Walantaka",
    "waiting": "Cipocok",
    "banner": "Taktakan",
    "draft": "Curug",
}


def english_words(page, where: str = "main") -> list[str]:
    text = page.locator(where).first.inner_text()
    return [w for w in ENGLISH if re.search(rf"\b{re.escape(w)}\b", text, re.I)]


def overflow(page) -> dict | None:
    """The widest elements, when the page is wider than the window."""
    return page.evaluate("""() => {
      const width = window.innerWidth;
      if (document.documentElement.scrollWidth <= width) return null;
      return Object.fromEntries([...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > width + 1)
        .slice(0, 8).map(el => [el.outerHTML.slice(0, 100),
                               Math.round(el.getBoundingClientRect().right)]));
    }""")


def csp_violations(page, console) -> list[str]:
    """As test_csp's, without waiting for an idle network (the played stream
    reconnects all the time)."""
    if "/admin/" not in page.url:
        return violations(page) + console
    page.wait_for_load_state("load")
    return [
        f"{page.url}: {v}" for v in page.evaluate("window.__cspViolations")
    ] + console


def check(page, console, where: str = "main") -> None:
    found = csp_violations(page, console)
    assert not found, "\n".join(found)
    assert not english_words(page, where), english_words(page, where)
    axe = blocking_violations(page, main_only=True)
    if where != "main":  # on the edit form: ours only, not Wagtail's fields
        page.evaluate(SETTLE)
        found = Axe().run(page, context={"include": [[where]]}).response
        axe = [v for v in found["violations"] if v["impact"] in BLOCKING]
    assert not axe, report(page.url, axe)
    assert overflow(page) is None, overflow(page)


# --- the people and their items, committed once for the module ---


@pytest.fixture(scope="module")
def people(portal, django_db_blocker):
    """Dinkes' editors and reviewer, a superuser, their session cookies, and what
    the review steps left: notifications for the editor and the reviewer."""
    from django.test import Client

    from tests.cms.editorial.admin_forms import workflow_action_url
    from tests.cms.editorial.revisions import reload
    from tests.factories import UserFactory, add_item

    def user(name, **kwargs):
        first, last = name.split()
        login = f"screens.{first.lower()}"
        return UserFactory(username=login, first_name=first, last_name=last, **kwargs)

    with django_db_blocker.unblock():
        dinkes = portal.opds["dinkes"]
        users = {
            "editor": user(EDITOR, opd=dinkes, role="editor"),
            "other": user(OTHER, opd=dinkes, role="editor"),
            "reviewer": user(REVIEWER, opd=dinkes, role="reviewer"),
            "admin": user("Admin Provinsi", superuser=True),
        }
        items, cookies = {}, {}
        for key, word in NAMES.items():
            title = f"Jadwal posyandu {word} Serang"
            items[key] = add_item(
                dinkes, title, live=False, user=users["editor"], summary="Jadwal."
            )
        for key in ("returned", "approved", "waiting", "banner"):
            items[key].get_workflow().start(items[key], users["editor"])
        reviewer = Client()
        reviewer.force_login(users["reviewer"])
        for key, action, comment in (
            ("returned", "reject", COMMENT),
            ("approved", "approve", ""),
        ):
            url = workflow_action_url(reload(items[key]), action)
            assert reviewer.post(url, {"comment": comment}).status_code == 302
        for key, person in users.items():
            client = Client()
            client.force_login(person)
            cookies[key] = {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": portal.server.url,
            }
    yield {"users": users, "items": items, "cookies": cookies, "reviewer": reviewer}
    with django_db_blocker.unblock():
        for item in items.values():
            type(item).objects.filter(pk=item.pk).delete()
        for person in users.values():
            person.delete()


class PlayedStream:
    """Answers the page's live stream: a hello, then the events queued by the test
    (each connection ends; the browser reconnects a moment later, as it does when
    the server closes a stream)."""

    def __init__(self, page):
        self.queued: list[dict] = []
        page.route("**/admin/live/stream/**", self.answer)

    def answer(self, route):
        body = "retry: 300\n\n" + 'event: hello\ndata: {"resync": false}\n\n'
        for n, message in enumerate(self.queued):
            body += (
                f"id: 9999999999999-{n}\nevent: live\ndata: {json.dumps(message)}\n\n"
            )
        self.queued = []
        route.fulfill(
            status=200, headers={"Content-Type": "text/event-stream"}, body=body
        )

    def send(self, **message):
        self.queued.append(message)


def admin_page(open_page, people, who: str, viewport=DESKTOP):
    page, console = watched_page(lambda: open_page(viewport, **ID))
    page.context.add_cookies([people["cookies"][who]])
    return page, console, PlayedStream(page)


# --- the admin ---


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "phone"])
def test_notifications_and_the_bell(open_page, people, screenshots, viewport):
    page, console, _stream = admin_page(open_page, people, "editor", viewport)
    page.goto("/admin/")
    bell = page.locator("#wagtail-sidebar a[data-live-unread]")
    expect(bell).to_have_attribute("data-live-unread", "2")
    expect(bell.locator(".live-badge")).to_have_attribute(
        "aria-label", "2 notifikasi belum dibaca"
    )
    page.goto("/admin/live/notifications/")
    expect(page.locator("#wagtail-sidebar .live-badge")).to_have_text("2")
    main = page.locator("main")
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifikasi")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(main).to_contain_text("2 notifikasi belum dibaca.")
    expect(main).to_contain_text(f"{REVIEWER} meminta perubahan pada")
    expect(main).to_contain_text(f"“{COMMENT}”")
    expect(main).to_contain_text(f"{REVIEWER} menyetujui")
    expect(main.get_by_role("button", name="Tandai semua sudah dibaca")).to_be_visible()
    name = "desktop" if viewport == DESKTOP else "phone"
    admin_screenshots(page, screenshots / f"screens-notifications-{name}.png", viewport)
    check(page, console)


def test_the_banner_on_an_open_edit_form(open_page, people, screenshots):
    """The reviewer approves (in a browser of their own) while the editor's form
    is open; then another editor saves a newer draft of an item the editor has
    open. The tests's own writes would stay in its transaction: people act here
    through the live server, as they do."""
    item, draft = people["items"]["banner"], people["items"]["draft"]
    page, console, stream = admin_page(open_page, people, "editor")
    page.goto(f"/admin/pages/{item.pk}/edit/")
    expect(page.locator("html[data-live]")).to_have_count(1)
    page.wait_for_timeout(1100)  # the banner counts steps from the opening (in ms)

    reviewer, _console, _stream = admin_page(open_page, people, "reviewer")
    reviewer.goto("/admin/")
    row = reviewer.locator("tr", has_text=item.title)
    row.get_by_role("button", name="Tindakan").click()
    row.get_by_role("button", name="Setujui").click()
    reviewer.locator(".modal").get_by_role("button", name="Ya, setujui").click()
    expect(reviewer.locator(".messages .success")).to_contain_text(
        "disetujui", timeout=20_000
    )
    stream.send(topic="page", pages=[item.pk], change="published")

    banner = page.locator("#live-banner")
    expect(banner).to_contain_text(f"{REVIEWER} menyetujui tinjauan konten ini.")
    expect(banner).to_contain_text(f"{REVIEWER} menerbitkan konten ini.")
    expect(banner.get_by_role("link", name="Muat ulang halaman")).to_be_visible()
    admin_screenshots(page, screenshots / "screens-banner-approved.png", DESKTOP)
    check(page, console, "#live-banner")

    page.goto(f"/admin/pages/{draft.pk}/edit/")
    other, _console, _stream = admin_page(open_page, people, "other")
    other.goto(f"/admin/pages/{draft.pk}/edit/")
    other.get_by_role("textbox", name="Judul").fill(f"{draft.title} (revisi)")
    other.get_by_role("button", name="Simpan draf").click()
    expect(other.locator(".messages .success")).to_be_visible()
    stream.send(topic="page", pages=[draft.pk], change="draft_saved")
    # Wagtail's own notice: the other editor's avatar, marked; its popup says why.
    saved = page.locator(".w-editing-sessions__session--saved")
    saved.locator("button").first.click()
    popup = saved.locator(".w-editing-sessions__popup")
    expect(popup).to_contain_text(OTHER)
    admin_screenshots(page, screenshots / "screens-banner-newer-draft.png", DESKTOP)
    check(page, console, ".w-editing-sessions__popup")


def test_the_operations_panel(open_page, people, screenshots):
    page, console, _stream = admin_page(open_page, people, "admin")
    page.goto("/admin/")
    panel = page.locator("#operations-section")
    expect(panel).to_contain_text("Operasi sistem")
    expect(panel).to_contain_text("Keadaan keseluruhan")
    expect(panel.get_by_role("columnheader")).to_have_text(
        ["Bagian", "Keadaan", "Nilai"]
    )
    panel.scroll_into_view_if_needed()
    admin_screenshots(page, screenshots / "screens-operations.png", DESKTOP)
    check(page, console, "#operations-section")


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "phone"])
def test_the_editor_guide(open_page, people, screenshots, viewport):
    page, console, _stream = admin_page(open_page, people, "editor", viewport)
    page.goto("/admin/panduan/")
    expect(page.get_by_role("heading", name="Daftar isi panduan")).to_be_visible()
    expect(page.get_by_role("button", name="Pintasan papan ketik")).to_be_visible()
    name = "desktop" if viewport == DESKTOP else "phone"
    admin_screenshots(page, screenshots / f"screens-guide-{name}.png", viewport)
    check(page, console)
    page.locator(".guide__next").click()
    expect(page.locator(".guide__prev")).to_contain_text("Sebelumnya")
    admin_screenshots(page, screenshots / f"screens-guide-2-{name}.png", viewport)
    check(page, console)


# --- the portal ---


@pytest.fixture(scope="module")
def long_dip(portal, django_db_blocker):
    """Twelve more periodic entries: more than the overview previews."""
    from tests.factories import add_dip_entry

    with django_db_blocker.unblock():
        entries = [
            add_dip_entry(
                portal.opds["dinkes"],
                f"Laporan keuangan triwulan {n} Dinas Kesehatan",
                tahun=2024,
                slug=f"laporan-keuangan-triwulan-{n}",
            )
            for n in range(1, 13)
        ]
    yield entries
    with django_db_blocker.unblock():
        for entry in entries:
            type(entry).objects.filter(pk=entry.pk).delete()


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "phone"])
def test_the_province_dip(open_page, long_dip, screenshots, viewport, monkeypatch):
    monkeypatch.setattr("portal.dip_views.PAGE_SIZE", 5)  # the server's thread too
    page, console = watched_page(lambda: open_page(viewport))
    name = "desktop" if viewport == DESKTOP else "phone"
    page.goto("/dip/")
    categories = page.get_by_role("navigation", name="Kategori informasi")
    expect(categories.get_by_role("link")).to_have_count(4)
    expect(categories).to_contain_text("Berkala (14)")
    expect(page.get_by_role("link", name=re.compile(r"Lihat semua 14"))).to_be_visible()
    page.screenshot(path=screenshots / f"screens-dip-{name}.png", full_page=True)
    check(page, console)
    page.goto("/dip/?kategori=berkala&halaman=2")
    expect(
        categories.get_by_role("link", name=re.compile("berkala", re.I))
    ).to_have_attribute("aria-current", "page")
    expect(page.get_by_role("navigation", name=re.compile("alaman"))).to_be_visible()
    page.screenshot(path=screenshots / f"screens-dip-paged-{name}.png", full_page=True)
    check(page, console)


def test_search_on_a_phone(open_page, portal, screenshots):
    page, console = watched_page(lambda: open_page(MOBILE))
    page.goto(f"/cari/?q={QUERY}")
    expect(page.locator("li.search-hit").first).to_be_visible()
    expect(page.get_by_text("Saring hasil")).to_be_visible()
    page.screenshot(path=screenshots / "screens-search-phone.png", full_page=True)
    check(page, console)
    page.get_by_text("Saring hasil").click()
    page.screenshot(
        path=screenshots / "screens-search-phone-filters.png", full_page=True
    )
    check(page, console)

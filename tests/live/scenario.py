"""The issue's two-browser scenario, against any running site (``make run`` or the
production setup): an editor submits and the reviewer's open dashboard shows it;
the reviewer approves and the editor's open edit form and dashboard show it; the
editor's network drops, the reviewer acts meanwhile, and the editor's screen
catches up when the network is back. Nothing is reloaded: each page is checked to
be the same document it was (a marker set in it survives)."""

import json

from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import SCREENSHOTS, chromium_path
from tests.embedded.child import run_python

from .proxy import Relay

TIMEOUT_MS = 20_000  # a busy machine; the latency is measured in bench/live


def prepare(env: dict) -> dict:
    """Run ``prepare_site`` in the site's environment; returns what it printed."""
    printed = run_python(env, "-m", "tests.live.prepare_site", timeout=300)
    return json.loads(printed.strip().splitlines()[-1])


def run_in_chromium(base: str, port: int, site: dict, shots: str) -> None:
    """``run`` in Debian's Chromium; the editor reaches the server listening on
    ``port`` through a relay that can be cut. Screenshots of a failure go to
    var/screenshots/live/``shots``."""
    relay = Relay(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path())
            try:
                run(
                    browser,
                    base,
                    site,
                    editor_base=f"http://127.0.0.1:{relay.port}",
                    relay=relay,
                    shots=SCREENSHOTS / "live" / shots,
                )
            finally:
                browser.close()
    finally:
        relay.close()


def login(context, base: str, username: str, password: str):
    page = context.new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")
    return page


def open_live(page, url: str):
    page.goto(url)
    page.locator("html[data-live=connected]").wait_for(
        state="attached", timeout=TIMEOUT_MS
    )
    page.evaluate("document.documentElement.dataset.sameDocument = 'yes'")
    return page


def unread(page) -> int:
    """The bell's count, as painted (after the stream's hello)."""
    link = page.locator("#wagtail-sidebar a[data-live-unread]")
    link.wait_for(state="attached", timeout=TIMEOUT_MS)
    return int(link.get_attribute("data-live-unread"))


def expect_unread(page, count: int):
    expect(page.locator("#wagtail-sidebar a[data-live-unread]")).to_have_attribute(
        "data-live-unread", str(count), timeout=TIMEOUT_MS
    )


def still_same_document(page) -> bool:
    return page.locator("html[data-same-document=yes]").count() == 1


def footer_action(page, label: str, comment: str = ""):
    """A review action from the edit form's footer menu, confirmed in its dialog."""
    button = page.locator("footer button").filter(has_text=label).first
    if not button.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    button.click()
    modal = page.locator(".modal-dialog")
    modal.locator("textarea").first.wait_for(timeout=TIMEOUT_MS)
    if comment:
        modal.locator("textarea").first.fill(comment)
    with page.expect_navigation():
        modal.locator("button[type=submit], input[type=submit]").first.click()


def submit(page):
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_load_state()


def run(browser, base: str, site: dict, *, editor_base: str, relay, shots) -> None:
    """``editor_base`` reaches the site through ``relay`` (a cuttable network); on
    failure every open page is saved as a screenshot in the folder ``shots``."""
    new = {"locale": "id-ID", "extra_http_headers": {"Accept-Language": "id"}}
    reviewer_context, editor_context = (
        browser.new_context(**new),
        browser.new_context(**new),
    )
    first, second = site["pages"]
    edit = "/admin/pages/{}/edit/"
    try:
        reviewer = login(reviewer_context, base, site["reviewer"], site["password"])
        open_live(reviewer, f"{base}/admin/")
        reviewer_unread = unread(reviewer)
        editor = login(editor_context, editor_base, site["editor"], site["password"])
        for item in (first, second):
            editor.goto(editor_base + edit.format(item["id"]))
            submit(editor)

        # 1. The reviewer's open dashboard lists both, and the bell counts them.
        waiting = reviewer.locator(".w-dashboard")
        expect(waiting).to_contain_text(first["title"], timeout=TIMEOUT_MS)
        expect(waiting).to_contain_text(second["title"], timeout=TIMEOUT_MS)
        expect_unread(reviewer, reviewer_unread + 2)
        assert still_same_document(reviewer)

        # 2. The reviewer approves: the editor's open form and dashboard say so.
        form = open_live(editor, editor_base + edit.format(first["id"]))
        dashboard = open_live(editor_context.new_page(), f"{editor_base}/admin/")
        editor_unread = unread(dashboard)
        reviewer.goto(base + edit.format(first["id"]))
        footer_action(reviewer, "Setujui")
        expect(form.locator("#live-banner")).to_contain_text(
            "Budi Diskominfo menyetujui tinjauan konten ini.", timeout=TIMEOUT_MS
        )
        expect_unread(dashboard, editor_unread + 1)
        expect(dashboard.locator(".w-dashboard[data-live-refreshed]")).to_have_count(
            1, timeout=TIMEOUT_MS
        )
        assert still_same_document(form) and still_same_document(dashboard)

        # 3. The editor's network drops; the reviewer asks for changes meanwhile.
        relay.drop()
        dashboard.locator("html:not([data-live=connected])").wait_for(
            state="attached", timeout=TIMEOUT_MS
        )
        reviewer.goto(base + edit.format(second["id"]))
        footer_action(reviewer, "Minta perubahan", "Lampirkan sumber data.")
        relay.restore()  # the browser reconnects by itself, naming its last event
        expect_unread(dashboard, editor_unread + 2)
        expect(dashboard.locator("#live-toasts")).to_contain_text(
            "meminta perubahan", timeout=TIMEOUT_MS
        )
        assert still_same_document(dashboard)
    except Exception:
        shots.mkdir(parents=True, exist_ok=True)
        for context in (reviewer_context, editor_context):
            for n, page in enumerate(context.pages):
                name = "reviewer" if context is reviewer_context else "editor"
                page.screenshot(path=str(shots / f"{name}-{n}.png"))
        raise
    finally:
        reviewer_context.close()
        editor_context.close()

"""Event -> the other browser's screen: the reviewer's dashboard in Chromium, the
changes made by a driver process, over gunicorn with 2 uvicorn workers (so an
event crosses processes through the Redis stream). Baselines in the same run:
one fetch of the dashboard fragment (the floor) and Wagtail's editing-session
ping (its only polling; the dashboard itself never polls)."""

import random
import tempfile
import time
from pathlib import Path

import requests

from bench.common import asgi_cmd, chromium_path, free_port, start, stop, wait_http

from .driver import Driver
from .polled import edit_page_events

SEEN_TIMEOUT_S = 15
FETCHES = 20
CSRF = "b" * 32  # a valid unmasked CSRF secret, sent as cookie and header

# Records Date.now() when a wanted title first shows in "Menunggu tinjauan anda"
# (Wagtail's panel id "awaiting-review"); evaluated through the DevTools
# protocol, so the admin's CSP (no eval) does not apply.
OBSERVER = """() => {
  window.__want = []; window.__seen = {};
  const board = document.querySelector('.w-dashboard');
  const check = () => {
    const panel = board.querySelector('[id^="awaiting-review"]');
    const text = panel ? panel.textContent : '';
    for (const title of window.__want) {
      if (!(title in window.__seen) && text.includes(title)) {
        window.__seen[title] = Date.now();
      }
    }
  };
  new MutationObserver(check).observe(board, {childList: true, subtree: true});
}"""


def _timed_requests(send, count: int) -> list[float]:
    timings = []
    for _ in range(count + 2):
        started = time.perf_counter()
        response = send()
        timings.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
        if "/login/" in response.url:
            raise RuntimeError(f"{response.url}: not signed in")
    return timings[2:]  # the first two warm connections and templates


def _timed(get, url: str) -> float:
    started = time.perf_counter()
    get(url, timeout=60).raise_for_status()
    return (time.perf_counter() - started) * 1000


def fragment_fetches(base: str, session: str) -> list[float]:
    """GET /admin/live/dashboard/ as the reviewer: what each refresh costs."""
    with requests.Session() as http:
        http.cookies.set("sessionid", session)
        url = base + "/admin/live/dashboard/"
        return _timed_requests(lambda: http.get(url, timeout=60), FETCHES)


def session_pings(base: str, session: str, page_id: int) -> list[float]:
    """POSTs of Wagtail's editing-session ping for a page, as an editor of it."""
    url = f"{base}/admin/editing-sessions/ping/wagtailcore/page/{page_id}/0/"
    with requests.Session() as http:
        http.cookies.set("sessionid", session)
        http.cookies.set("csrftoken", CSRF)
        headers = {"X-CSRFToken": CSRF}
        return _timed_requests(
            lambda: http.post(url, headers=headers),
            FETCHES,
        )


def _watch(browser, base: str, session: str, errors: list):
    context = browser.new_context(
        base_url=base, locale="id-ID", timezone_id="Asia/Jakarta"
    )
    context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    fetches = page.fetches = {"dashboard": 0, "bell": 0}
    page.on("request", lambda request: _count(fetches, request.url))
    page.goto("/admin/")
    page.locator("html[data-live='connected']").wait_for(
        state="attached", timeout=30_000
    )
    page.evaluate(OBSERVER)
    return context, page


def _count(fetches: dict, url: str) -> None:
    if "/admin/live/dashboard/" in url:
        fetches["dashboard"] += 1
    elif "/admin/live/notifications/summary/" in url:
        fetches["bell"] += 1


def _events(page, driver: Driver, pages: list[dict], floor) -> list[dict]:
    """Each event, then one fetch of the fragment it made the browser fetch
    (``floor``): the same queue, the same moment's load on the machine."""
    samples = []
    for n, item in enumerate(pages):
        page.evaluate("title => { window.__want.push(title); }", item["title"])
        times = driver.ask(f"submit {item['id']}")
        deadline = time.monotonic() + SEEN_TIMEOUT_S
        seen = None
        while seen is None and time.monotonic() < deadline:
            seen = page.evaluate("title => window.__seen[title]", item["title"])
            if seen is None:
                time.sleep(0.02)
        samples.append(
            {
                "screen": None if seen is None else seen - times["commit"],
                "sent": times["sent"] - times["commit"],
                "floor": floor(),
            }
        )
        if (n + 1) % 10 == 0:
            print(f"  {n + 1}/{len(pages)} events", flush=True)
        time.sleep(random.uniform(0.5, 1.0))  # apart: each its own refresh
    return samples


def measure(env: dict, data: dict, script: str, polled: int) -> dict:
    """``polled``: how many of ``data["pages"]`` (the last ones) serve the
    observed Wagtail baseline; the others are the live events."""
    from playwright.sync_api import sync_playwright

    log_dir = Path(tempfile.mkdtemp(prefix="bench-live-screen-"))
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = start(asgi_cmd(port, workers=2), env, log_dir / "uvicorn.log")
    driver = None
    errors: list[str] = []
    try:
        wait_http(f"{base}/healthz", web)
        sessions = data["sessions"]
        floor_before = fragment_fetches(base, sessions["reviewer"])
        pings = session_pings(base, sessions["idle"], data["pages"][0]["id"])
        driver = Driver(env, script)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path())
            context, page = _watch(browser, base, sessions["reviewer"], errors)
            before = dict(page.fetches)
            live_pages = data["pages"][: len(data["pages"]) - polled]
            with requests.Session() as http:
                http.cookies.set("sessionid", sessions["reviewer"])
                url = base + "/admin/live/dashboard/"
                samples = _events(
                    page, driver, live_pages, lambda: _timed(http.get, url)
                )
            fetches = {k: v - before[k] for k, v in page.fetches.items()}
            context.close()
            baseline = []
            if polled:
                print(f"  Wagtail's ping, observed: {polled} edits...", flush=True)
                baseline = edit_page_events(
                    browser, base, sessions["idle"], driver, data["pages"][-polled:]
                )
            browser.close()
    finally:
        if driver is not None:
            driver.close()
        stop(web)
        print(f"  logs: {log_dir}")
    return {
        "samples": samples,
        "floor_before": floor_before,
        "pings": pings,
        "errors": errors,
        "fetches": fetches,
        "polled": baseline,
        "items": len(live_pages),
    }

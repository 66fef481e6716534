"""The baseline as Wagtail does it without live updates, observed: an editor's
open edit page learns of another person's new revision from its editing-session
ping (every 10 s), as the "saved a new version" mark on the sessions list.

The page's live stream is refused (the request aborted), so ``live.js`` stays
offline and nothing but Wagtail's own ping runs. Each change is made at a random
point of the ping cycle (uniform over one interval after the page opened), so the
delays sample what an editor meets."""

import random
import time

from .driver import Driver

PING_INTERVAL_MS = 10_000  # WAGTAIL_EDITING_SESSION_PING_INTERVAL's default

SAVED = ".w-editing-sessions__session--saved"
OBSERVER = """selector => {
  window.__saved = null;
  new MutationObserver(() => {
    if (window.__saved === null && document.querySelector(selector)) {
      window.__saved = Date.now();
    }
  }).observe(document.body, {childList: true, subtree: true});
}"""


def edit_page_events(browser, base, session, driver: Driver, pages) -> list[dict]:
    context = browser.new_context(
        base_url=base, locale="id-ID", timezone_id="Asia/Jakarta"
    )
    context.add_cookies([{"name": "sessionid", "value": session, "url": base}])
    context.route("**/admin/live/stream/**", lambda route: route.abort())
    page = context.new_page()
    samples = []
    try:
        for item in pages:
            page.goto(f"/admin/pages/{item['id']}/edit/")
            page.locator("[data-controller~='w-session']").wait_for(state="attached")
            page.evaluate(OBSERVER, SAVED)
            time.sleep(random.uniform(0, PING_INTERVAL_MS / 1000))
            times = driver.ask(f"revise {item['id']}")
            deadline = time.monotonic() + 2 * PING_INTERVAL_MS / 1000 + 5
            seen = None
            while seen is None and time.monotonic() < deadline:
                seen = page.evaluate("() => window.__saved")
                if seen is None:
                    time.sleep(0.05)
            samples.append(None if seen is None else seen - times["commit"])
    finally:
        context.close()
    return samples

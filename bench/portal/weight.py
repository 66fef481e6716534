"""Bytes a phone downloads for a page: Chromium at 375 px, a fresh profile per page,
every response's body size as transferred (compressed when the server compresses),
grouped by kind. The HTML is also gzipped here, to show what a compressing proxy in
front of the server would send."""

import gzip
from collections import defaultdict

KINDS = {
    "document": "html",
    "stylesheet": "css",
    "script": "js",
    "image": "img",
    "font": "font",
}
VIEWPORT = {"width": 375, "height": 740}
# Half a screen at a time, as a reader scrolls: every lazy image comes into view.
SCROLL_THROUGH = """async () => {
  const step = window.innerHeight / 2;
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 40));
  }
}"""


def _transfer(page, action, argument) -> tuple[dict, dict, list]:
    """Run ``action(argument)`` and sum what the page fetched until the network
    settles."""
    finished = []

    def record(request):  # a plain function: Playwright tags its handlers
        finished.append(request)

    page.on("requestfinished", record)
    action(argument)
    page.wait_for_load_state("networkidle")
    page.remove_listener("requestfinished", record)
    sizes, encodings, html = defaultdict(int), defaultdict(set), []
    for request in finished:
        kind = KINDS.get(request.resource_type, "other")
        sizes[kind] += request.sizes()["responseBodySize"]
        response = request.response()
        if response is not None:
            encodings[kind].add(response.headers.get("content-encoding", "none"))
            if kind == "html":
                html.append(response.body())
    return sizes, encodings, html


def page_weights(browser, base: str, pages: dict[str, str]) -> dict[str, dict]:
    """``{name: {html, css, js, img, font, other, img_scrolled, html_gzip,
    encodings}}`` in bytes; ``img_scrolled`` adds the lazy images met on the way
    to the end of the page."""
    results = {}
    for name, path in pages.items():
        context = browser.new_context(viewport=VIEWPORT, locale="id-ID")
        page = context.new_page()
        sizes, encodings, html = _transfer(page, page.goto, base + path)
        more, _, _ = _transfer(page, page.evaluate, SCROLL_THROUGH)
        context.close()
        results[name] = {
            **{kind: sizes.get(kind, 0) for kind in (*KINDS.values(), "other")},
            "img_scrolled": sizes.get("img", 0) + more.get("img", 0),
            "html_gzip": sum(len(gzip.compress(body, 6)) for body in html),
            "encodings": {kind: sorted(found) for kind, found in encodings.items()},
        }
    return results

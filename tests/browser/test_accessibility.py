"""axe-core on the main page types at desktop and phone widths: no violation of
impact serious or critical. A full-page screenshot of each is kept in
var/screenshots/ (not committed) for people to look at."""

import pytest

from .axe import blocking_violations, report
from .conftest import DESKTOP, MOBILE
from .data import QUERY

pytestmark = pytest.mark.django_db

# name: the page's key in ``portal.urls`` or a path
PAGES = {
    "beranda": "/",
    "cari": f"/cari/?q={QUERY}",
    "rilis": "rilis",
    "infografis": "infografis",
    "opd": "opd:dinkes",
    "dip": "/dip/",
    "dip-opd": "dip-index:dinkes",
    "lapor": "/lapor/",
    "lacak": "/lapor/lacak/",
}
SCROLL_THROUGH = """async () => {
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight / 2) {
    window.scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 30));
  }
}"""


def load_lazy_images(page) -> None:
    """Scroll through the page, as a reader would, so every lazy image is loaded
    for the full-page shot; then back to the top."""
    page.evaluate(SCROLL_THROUGH)
    page.wait_for_function("Array.from(document.images).every(image => image.complete)")
    page.evaluate("window.scrollTo(0, 0)")


@pytest.mark.parametrize("name", PAGES)
def test_no_serious_accessibility_violations(open_page, portal, screenshots, name):
    path = portal.urls.get(PAGES[name], PAGES[name])
    failures = []
    for label, viewport in (("1280", DESKTOP), ("375", MOBILE)):
        page = open_page(viewport)
        response = page.goto(path)
        assert response.ok, f"{path}: HTTP {response.status}"
        load_lazy_images(page)
        page.screenshot(path=screenshots / f"{name}-{label}.png", full_page=True)
        violations = blocking_violations(page)
        if violations:
            failures.append(report(f"{path} at {label} px", violations))
    assert not failures, "\n\n".join(failures)

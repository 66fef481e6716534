"""The CSS + JS budget (under 100 KB compressed on any page) checked on every run:
the test server does not compress, so the uncompressed size must already fit.
bench/portal measures what is really transferred, compressed, with images."""

import pytest

from .conftest import MOBILE
from .data import QUERY

pytestmark = pytest.mark.django_db

BUDGET = 100 * 1024
PAGES = ["/", f"/cari/?q={QUERY}", "rilis", "infografis", "opd:dinkes", "/dip/"]


@pytest.mark.parametrize("name", PAGES)
def test_css_and_js_fit_the_budget(open_page, portal, name):
    page = open_page(MOBILE)
    finished = []

    def record(request):
        if request.resource_type in ("stylesheet", "script"):
            finished.append(request)

    page.on("requestfinished", record)
    page.goto(portal.urls.get(name, name))
    page.wait_for_load_state("networkidle")
    sizes = {r.url: r.sizes()["responseBodySize"] for r in finished}
    assert sum(sizes.values()) < BUDGET, f"CSS + JS over budget: {sizes}"

"""The search page on a 375 px phone: one search box, the filters folded below the
result count, and the first result within the first screen. Plus the site icon."""

import pytest
from playwright.sync_api import expect

from .conftest import DESKTOP, MOBILE
from .data import QUERY

pytestmark = pytest.mark.django_db

FIRST_SCREEN_PX = 600  # MOBILE is 740 px tall; the browser's own bars take the rest
# Where the space above the first result goes, for the failure message.
TOPS = """() => Object.fromEntries(
  ['.site-header', 'main h1', '#cari-form', '.search-promo, .service-promo',
   '.search-head', '.search-filters', 'li.search-hit'].map(sel => {
    const el = document.querySelector(sel);
    const box = el && el.getBoundingClientRect();
    return [sel, box ? [Math.round(box.top), Math.round(box.height)] : null];
  }))"""


def test_phone_search_shows_the_first_result_on_the_first_screen(
    open_page, portal, screenshots
):
    page = open_page(MOBILE)
    page.goto(f"/cari/?q={QUERY}")
    page.screenshot(path=screenshots / "cari-phone.png", full_page=True)
    first = page.locator("li.search-hit").first
    expect(first).to_be_visible()
    assert page.locator("input[type=search]:visible").count() == 1

    top = first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
    assert top < FIRST_SCREEN_PX, (top, page.evaluate(TOPS))

    # The filters are folded below the count, and open when asked.
    count = page.locator("#cari-judul-hasil").bounding_box()
    summary = page.get_by_text("Saring hasil")
    assert summary.bounding_box()["y"] > count["y"]
    opd_filter = page.get_by_role("group", name="Perangkat daerah")
    expect(opd_filter).to_be_hidden()
    summary.click()
    expect(opd_filter).to_be_visible()


def test_wide_screens_show_the_filters_beside_the_results(open_page, portal):
    page = open_page(DESKTOP)
    page.goto(f"/cari/?q={QUERY}")
    opd_filter = page.get_by_role("group", name="Perangkat daerah")
    expect(opd_filter).to_be_visible()
    results = page.locator("li.search-hit").first.bounding_box()
    assert opd_filter.bounding_box()["x"] < results["x"]


def test_favicon_is_served(page, portal):
    response = page.goto("/favicon.ico")
    assert response.status == 200
    assert response.headers["content-type"] == "image/x-icon"
    page.goto("/")
    assert page.locator("link[rel=icon][href='/favicon.ico']").count() == 1

"""Searching the portal in a real browser: from the header to a result, filtering
by OPD without a reload (and without JavaScript), autocomplete by keyboard."""

import re

import pytest
from playwright.sync_api import expect

from .data import DRAFT_TITLE, EXEMPT_SECRET, QUERY

pytestmark = pytest.mark.django_db


def results_region(page):
    """The results section, named by its heading ("N hasil untuk …")."""
    return page.get_by_role("region", name=re.compile("hasil", re.IGNORECASE))


def test_search_from_header_filter_by_opd_and_open_a_result(page, portal):
    dinkes_item = portal.items["rilis"]
    bpbd_item = portal.items["rilis_bpbd"]
    page.goto("/")
    box = page.get_by_role("banner").get_by_role("combobox", name="Cari informasi")
    box.fill(QUERY)
    box.press("Enter")

    expect(page).to_have_url(re.compile(rf"/cari/\?q={QUERY}$"))
    results = results_region(page)
    expect(results.get_by_role("link", name=dinkes_item.title)).to_be_visible()
    expect(results.get_by_role("link", name=bpbd_item.title)).to_be_visible()
    expect(page.get_by_text(DRAFT_TITLE)).to_have_count(0)
    expect(page.get_by_text(EXEMPT_SECRET)).to_have_count(0)
    expect(results.locator("mark").first).to_be_visible()  # highlighted snippet

    # Filter by OPD: the results change in place and the URL keeps the state.
    page.get_by_role("group", name="Perangkat daerah").get_by_role(
        "checkbox", name=re.compile("Dinas Kesehatan")
    ).check()
    expect(page).to_have_url(re.compile(r"opd=dinkes"))
    expect(results.get_by_role("link", name=bpbd_item.title)).to_have_count(0)
    expect(results.get_by_role("link", name=dinkes_item.title)).to_be_visible()

    results.get_by_role("link", name=dinkes_item.title).click()
    expect(page).to_have_url(re.compile(re.escape(portal.urls["rilis"]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(dinkes_item.title)


def test_filters_work_without_javascript_and_urls_are_shareable(open_page, portal):
    page = open_page(java_script_enabled=False)
    page.goto(f"/cari/?q={QUERY}")
    results = results_region(page)
    expect(
        results.get_by_role("link", name=portal.items["rilis"].title)
    ).to_be_visible()

    page.get_by_text("Saring hasil").click()  # folded until asked, without script
    page.get_by_role("group", name="Perangkat daerah").get_by_role(
        "checkbox", name=re.compile("Badan Penanggulangan Bencana")
    ).check()
    page.get_by_role("button", name="Terapkan saringan").click()
    expect(page).to_have_url(re.compile(r"opd=bpbd"))
    expect(
        results.get_by_role("link", name=portal.items["rilis_bpbd"].title)
    ).to_be_visible()
    expect(results.get_by_role("link", name=portal.items["rilis"].title)).to_have_count(
        0
    )

    # The same URL opened afresh shows the same filtered results.
    shared = open_page(java_script_enabled=False)
    shared.goto(page.url)
    expect(
        results_region(shared).get_by_role("link", name=portal.items["rilis"].title)
    ).to_have_count(0)
    expect(
        shared.get_by_role("group", name="Perangkat daerah").get_by_role(
            "checkbox", name=re.compile("Badan Penanggulangan Bencana")
        )
    ).to_be_checked()


def test_autocomplete_suggests_and_opens_a_page_by_keyboard(page, portal):
    item = portal.items["rilis"]
    page.goto("/cari/")
    box = page.get_by_role("combobox", name="Kata kunci")
    box.press_sequentially("posyan", delay=40)

    suggestions = page.get_by_role("listbox")
    expect(suggestions).to_be_visible()
    option = suggestions.get_by_role("option", name=item.title)
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")

    # Arrow down to the suggestion (the active one is announced), then Enter.
    for _ in range(suggestions.get_by_role("option").count()):
        box.press("ArrowDown")
        if option.get_attribute("aria-selected") == "true":
            break
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Enter")

    expect(page).to_have_url(re.compile(re.escape(portal.urls["rilis"]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(item.title)


def test_autocomplete_closes_with_escape_and_enter_submits_the_search(page, portal):
    page.goto("/cari/")
    box = page.get_by_role("combobox", name="Kata kunci")
    box.press_sequentially("jadwal", delay=40)  # a title starts so
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")

    box.fill(QUERY)
    box.press("Enter")
    expect(
        results_region(page).get_by_role("link", name=portal.items["rilis"].title)
    ).to_be_visible()


def test_no_results_use_the_whole_width(page, portal):
    """Without hits there are no facets: the results (and the search tips) must
    not be squeezed into the facets' narrow column."""
    page.goto("/cari/?q=zzqxjv")
    results = results_region(page)
    expect(results.get_by_role("heading", level=2)).to_contain_text("Tidak ada hasil")
    box = results.bounding_box()
    assert box["width"] > 600, box  # the facets' column is 15rem

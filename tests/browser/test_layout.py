"""Layout in a browser: a 375 px phone can navigate and search without sideways
scrolling; a keyboard reaches the skip link first, then the main content, with a
visible focus."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import MOBILE
from .data import QUERY

pytestmark = pytest.mark.django_db

OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
FOCUS = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    id: el.id, tag: el.tagName, text: (el.innerText || '').trim(),
    inMain: !!el.closest('main'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== 'none',
  };
}"""


def open_main_menu(page):
    """On a phone the menu may sit behind a toggle button: open it if there is one."""
    toggle = page.get_by_role("banner").get_by_role(
        "button", name=re.compile("menu", re.IGNORECASE)
    )
    if toggle.count() and toggle.first.is_visible():
        toggle.first.click()
        expect(toggle.first).to_have_attribute("aria-expanded", "true")
    return page.get_by_role("navigation", name="Menu utama")


@pytest.mark.parametrize("name", ["/", "rilis", "opd:dinkes", "/dip/"])
def test_phone_pages_fit_the_screen(open_page, portal, name):
    page = open_page(MOBILE)
    page.goto(portal.urls.get(name, name))
    expect(page.get_by_role("main")).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0, "the page scrolls sideways at 375 px"


def test_phone_navigation_and_search_work(open_page, portal):
    page = open_page(MOBILE)
    page.goto("/")
    nav = open_main_menu(page)
    link = nav.get_by_role("link", name="Perangkat Daerah")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/opd/$"))
    expect(page.get_by_role("link", name="Dinas Kesehatan").first).to_be_visible()

    box = page.get_by_role("banner").get_by_role("combobox", name="Cari informasi")
    expect(box).to_be_visible()
    box.fill(QUERY)
    box.press("Enter")
    expect(page).to_have_url(re.compile(rf"/cari/\?q={QUERY}"))
    result = page.get_by_role("link", name=portal.items["rilis"].title)
    expect(result).to_be_visible()
    assert page.evaluate(OVERFLOW) <= 0, "the results scroll sideways at 375 px"
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        portal.items["rilis"].title
    )


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_keyboard_reaches_skip_link_then_main_content(open_page, portal, viewport):
    page = open_page(MOBILE) if viewport == "phone" else open_page()
    page.goto(portal.urls["rilis"])
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Langsung ke konten")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()  # shown when focused, not left off-screen
    focus = page.evaluate(FOCUS)
    assert focus["outline"] or focus["shadow"], f"no visible focus: {focus}"

    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#konten$"))
    expect(page.get_by_role("main")).to_be_focused()
    page.keyboard.press("Tab")  # the next stop is inside the content, not the header
    focus = page.evaluate(FOCUS)
    assert focus["inMain"], f"Tab after the skip link went to {focus}"
    assert focus["outline"] or focus["shadow"], f"no visible focus: {focus}"

"""Five clicks from the dashboard to a news item submitted for review: pick the type
under "Buat konten" (the editor's OPD is implied), type the title and the first
paragraph (the form opens with one ready), submit. Screenshot:
var/screenshots/admin-create-content.png."""

import re

import pytest
from playwright.sync_api import expect

from cms.content.models import NewsPage

from .admin_login import signed_in_user

pytestmark = pytest.mark.django_db

TITLE = "Vaksinasi keliling di Pandeglang"
MAX_CLICKS = 5


@pytest.fixture(scope="module")
def signed_in_editor(portal, django_db_blocker):
    """The session cookie of an editor of Dinkes."""
    with signed_in_user(
        portal,
        django_db_blocker,
        opd=portal.opds["dinkes"],
        role="editor",
        username="create.editor",
    ) as cookie:
        yield cookie


def test_a_news_item_is_submitted_in_five_clicks(
    open_page, portal, signed_in_editor, screenshots
):
    page = open_page()
    page.context.add_cookies([signed_in_editor])
    page.goto("/admin/")
    clicks = []

    def click(locator, what):
        clicks.append(what)
        locator.click()

    panel = page.locator("#create-content-section")
    expect(panel).to_be_visible()
    page.screenshot(path=screenshots / "admin-create-content.png")
    click(panel.get_by_role("link", name="Rilis berita"), "type")

    click(page.locator("#id_title"), "title")
    page.keyboard.type(TITLE)
    paragraph = page.locator("[data-contentpath='body'] [contenteditable='true']")
    expect(paragraph).to_have_count(1)
    click(paragraph, "paragraph")
    page.keyboard.type("Dinas Kesehatan menggelar vaksinasi keliling.")
    # Draftail copies its text into the form a moment after typing stops.
    expect(page.locator("input[name='body-0-value']")).to_have_value(
        re.compile("vaksinasi keliling")
    )
    page.screenshot(path=screenshots / "admin-create-content-form.png")

    click(page.locator("footer .w-dropdown-button .w-dropdown__toggle"), "menu")
    click(page.locator("footer button[name='action-submit']"), "submit")
    page.wait_for_load_state("networkidle")
    page.screenshot(path=screenshots / "admin-create-content-submitted.png")

    item = NewsPage.objects.get(title=TITLE)
    assert item.workflow_in_progress
    assert item.get_parent().pk == portal.opds["dinkes"].pk
    assert len(clicks) <= MAX_CLICKS, clicks

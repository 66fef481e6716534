"""A reviewer decides on a submitted item in a real browser, in Indonesian: Publish
asks once, in our dialog (which says the running review ends), and the message
afterwards names the item; requesting changes takes a comment and says where the
item went. Approving from the dashboard confirms and says the item went live.
Screenshots: var/screenshots/admin-publish-*.png, admin-request-*.png."""

import pytest
from playwright.sync_api import expect

from .admin_login import session_cookie

pytestmark = pytest.mark.django_db

PUBLISHED = "Imunisasi campak di Lebak"
RETURNED = "Jadwal donor darah Cilegon"
APPROVED = "Posbindu lansia di Tangerang"
COMMENT = "Mohon tambahkan lokasi dan jam donor."


@pytest.fixture(scope="module")
def submitted(portal, django_db_blocker):
    """Two items of Dinkes submitted for review, and a session cookie of Dinkes'
    reviewer (committed; removed again so later tests see the portal as built)."""
    from tests.factories import UserFactory, add_item

    with django_db_blocker.unblock():
        dinkes = portal.opds["dinkes"]
        editor = UserFactory(opd=dinkes, role="editor", username="feedback.editor")
        reviewer = UserFactory(
            opd=dinkes, role="reviewer", username="feedback.reviewer"
        )
        items = {}
        for title in (PUBLISHED, RETURNED, APPROVED):
            item = add_item(dinkes, title, live=False, user=editor, summary="Jadwal.")
            item.get_workflow().start(item, editor)
            items[title] = item
        cookie = session_cookie(reviewer, portal.server.url)
    yield {
        "items": items,
        "cookie": cookie,
    }
    with django_db_blocker.unblock():
        for item in items.values():
            type(item).objects.get(pk=item.pk).delete()
        editor.delete()
        reviewer.delete()


def _signed_in(open_page, submitted):
    page = open_page(extra_http_headers={"Accept-Language": "id"})
    page.context.add_cookies([submitted["cookie"]])
    return page


def _edit_page(open_page, submitted, title):
    page = _signed_in(open_page, submitted)
    page.goto(f"/admin/pages/{submitted['items'][title].pk}/edit/")
    page.locator("footer .w-dropdown-button .w-dropdown__toggle").click()
    return page


def test_publish_asks_once_in_indonesian_and_names_the_item(
    open_page, submitted, screenshots
):
    page = _edit_page(open_page, submitted, PUBLISHED)
    page.locator("footer [data-confirm-publish]").click()

    dialog = page.get_by_role("dialog", name="Terbitkan sekarang?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("langsung tampil untuk publik")
    expect(dialog).to_contain_text("Tinjauan yang sedang berjalan")
    page.screenshot(path=screenshots / "admin-publish-dialog.png")
    dialog.get_by_role("button", name="Ya, terbitkan").click()

    # One confirmation: Wagtail's "cancel the workflow?" prompt does not follow.
    success = page.locator(".messages .success")
    expect(success).to_contain_text(f"“{PUBLISHED}” diterbitkan.")
    expect(page.locator(".modal")).to_have_count(0)
    expect(success).to_be_in_viewport(ratio=1)  # slid in: for the screenshot
    page.screenshot(path=screenshots / "admin-publish-done.png")
    item = submitted["items"][PUBLISHED]
    item.refresh_from_db()
    assert item.live and not item.workflow_in_progress


def test_request_changes_takes_a_comment_and_names_the_item(
    open_page, submitted, screenshots
):
    page = _edit_page(open_page, submitted, RETURNED)
    page.locator("footer button", has_text="Minta perubahan").click()

    modal = page.locator(".modal")
    expect(modal).to_contain_text(f"Kembalikan “{RETURNED}” kepada penulis?")
    modal.get_by_label("Komentar").fill(COMMENT)
    page.screenshot(path=screenshots / "admin-request-changes-dialog.png")
    modal.get_by_role("button", name="Ya, minta perubahan").click()

    success = page.locator(".messages .success")
    expect(success).to_contain_text(
        f"“{RETURNED}” dikembalikan kepada penulis dengan permintaan perubahan."
    )
    expect(success).to_be_in_viewport(ratio=1)
    page.screenshot(path=screenshots / "admin-request-changes-done.png")
    item = submitted["items"][RETURNED]
    state = item.workflow_states.order_by("-created_at").first()
    assert state.status == state.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == COMMENT


def test_approving_from_the_dashboard_confirms_and_names_the_item(
    open_page, submitted, screenshots
):
    page = _signed_in(open_page, submitted)
    page.goto("/admin/")
    row = page.locator("tr", has_text=APPROVED)
    row.get_by_role("button", name="Tindakan").click()
    row.get_by_role("button", name="Setujui").click()

    modal = page.locator(".modal")
    expect(modal).to_contain_text(f"Setujui “{APPROVED}”?")
    page.screenshot(path=screenshots / "admin-approve-dialog.png")
    modal.get_by_role("button", name="Ya, setujui").click()

    success = page.locator(".messages .success")
    expect(success).to_contain_text(f"“{APPROVED}” disetujui dan diterbitkan.")
    expect(success).to_be_in_viewport(ratio=1)
    page.screenshot(path=screenshots / "admin-approve-done.png")
    item = submitted["items"][APPROVED]
    item.refresh_from_db()
    assert item.live

"""Drafts are the editors' business: citizens see only what has been published."""

import pytest

from cms.content.models import NewsPage
from tests.factories import UserFactory, add_item

from .admin_forms import content_form, create_via_admin, edit_url
from .revisions import latest_title

pytestmark = pytest.mark.django_db


def test_an_unpublished_draft_is_not_found(client, opds):
    dinkes = opds["dinkes"]
    client.force_login(UserFactory(opd=dinkes, role="editor"))
    page = create_via_admin(client, NewsPage, dinkes, "Draf wabah DBD")
    client.logout()

    assert client.get(page.url).status_code == 404
    assert "Draf wabah DBD" not in client.get(dinkes.url).content.decode()


def test_draft_changes_of_a_live_page_stay_private(client, opds):
    dinkes = opds["dinkes"]
    page = add_item(dinkes, "Jadwal vaksinasi Mei")
    client.force_login(UserFactory(opd=dinkes, role="editor"))
    response = client.post(
        edit_url(page), content_form("Jadwal vaksinasi RALAT", slug=page.slug)
    )
    assert response.status_code == 302
    assert latest_title(page) == "Jadwal vaksinasi RALAT"  # the draft exists
    client.logout()

    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Jadwal vaksinasi Mei" in html
    assert "RALAT" not in html
    listing = client.get(dinkes.url).content.decode()
    assert "Jadwal vaksinasi Mei" in listing and "RALAT" not in listing

"""Drafts are the editors' business: citizens see only what has been published."""

import pytest

from cms.content.models import NewsPage

from .admin_forms import content_form, create_via_admin, edit_url
from .factories import add_item, latest_title

pytestmark = pytest.mark.django_db


def test_an_unpublished_draft_is_not_found(client, opds, make_user):
    dinkes = opds["dinkes"]
    client.force_login(make_user(dinkes, "editor"))
    page = create_via_admin(client, NewsPage, dinkes, "Draf wabah DBD")
    client.logout()

    assert client.get(page.url).status_code == 404
    assert "Draf wabah DBD" not in client.get(dinkes.url).content.decode()


def test_draft_changes_of_a_live_page_stay_private(client, opds, make_user):
    dinkes = opds["dinkes"]
    page = add_item(dinkes, "Jadwal vaksinasi Mei", live=True)
    client.force_login(make_user(dinkes, "editor"))
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

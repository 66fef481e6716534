"""Wagtail's shared-password forms (a private page, a private document collection)
sign nobody in, yet their passwords must not be guessable at full speed: they are
under the same lockout as the login forms."""

import pytest
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import add_item

pytestmark = pytest.mark.django_db


def _guess(client, url, password, ip="10.2.2.2"):
    return client.post(url, {"password": password, "return_url": "/"}, REMOTE_ADDR=ip)


def _page_form(opds):
    page = add_item(opds["dinkes"], "Rapat internal")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="kunci-rapat"
    )
    return f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"


def _collection_form():
    collection = Collection.get_first_root_node().add_child(name="Arsip tertutup")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="kunci-rapat",
    )
    return f"/dokumen/authenticate_with_password/{restriction.pk}/"


@pytest.mark.parametrize("form", ["page", "collection"])
def test_guessing_a_shared_password_locks_the_form(client, opds, form):
    url = _page_form(opds) if form == "page" else _collection_form()
    for _ in range(4):
        assert _guess(client, url, "salah").status_code == 200  # form with error
    response = _guess(client, url, "salah")
    assert response.status_code == 429
    assert "Terlalu banyak percobaan" in response.content.decode()

    assert _guess(client, url, "kunci-rapat").status_code == 429  # even the right one
    # Someone else, elsewhere, is not locked out by these guesses.
    assert _guess(client, url, "kunci-rapat", ip="10.3.3.3").status_code == 302


def test_the_right_password_still_opens_the_page(client, opds):
    url = _page_form(opds)
    assert _guess(client, url, "salah").status_code == 200
    assert _guess(client, url, "kunci-rapat").status_code == 302

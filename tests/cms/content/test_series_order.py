""" "Urutan dalam seri" is asked for only when the item joins a series; left empty
there, the item goes after the series' last item."""

import pytest

from cms.content.models import NewsPage
from tests.cms.editorial.admin_forms import add_url, create_via_admin
from tests.factories import UserFactory, add_item, add_series

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, opds):
    client.force_login(UserFactory(opd=opds["dinkes"], role="editor"))
    return client


@pytest.fixture
def series(opds):
    series = add_series(opds["dinkes"], "Bulan imunisasi", slug="bulan-imunisasi")
    add_item(opds["dinkes"], "Bagian tiga", series=series, series_order=3)
    return series


def _create(client, opds, title, **fields):
    return create_via_admin(client, NewsPage, opds["dinkes"], title, **fields)


def test_no_order_is_asked_for_an_item_outside_any_series(editor_client, opds):
    page = _create(editor_client, opds, "Tanpa seri", series_order="")
    assert page.series_id is None and page.series_order == 0
    # A stray number means nothing without a series.
    page = _create(editor_client, opds, "Angka nyasar", series_order="7")
    assert page.series_order == 0


def test_an_empty_order_in_a_series_goes_after_its_last_item(
    editor_client, opds, series
):
    page = _create(editor_client, opds, "Bagian empat", series=series, series_order="")
    assert page.series_order == 4
    page = _create(editor_client, opds, "Bagian lima", series=series, series_order="0")
    assert page.series_order == 5


def test_an_order_given_in_a_series_is_kept(editor_client, opds, series):
    page = _create(editor_client, opds, "Bagian satu", series=series, series_order="1")
    assert page.series_order == 1


def test_the_field_says_when_it_is_needed(editor_client, opds):
    response = editor_client.get(add_url(NewsPage, opds["dinkes"]))
    field = response.context["form"].fields["series_order"]
    assert not field.required
    assert "Hanya untuk butir dalam seri" in str(field.help_text)
    assert response.context["form"]["series_order"].value() is None

"""DIP titles in natural order ("triwulan 2" before "triwulan 12") on the portal's
/dip/ and OPD DIP pages, through the key every save stores (the API:
tests/api/resources/test_dip_order.py)."""

import importlib

import pytest
from django.apps import apps

from cms.dip.models import DIPEntryPage, DIPIndexPage
from cms.dip.sorting import natural_sort_key
from tests.factories import add_dip_entry

pytestmark = pytest.mark.django_db

TITLES = [f"Laporan keuangan triwulan {n} Dinas Kesehatan" for n in (1, 2, 12)]


@pytest.fixture
def quarters(opds):
    # Created out of order: neither insertion nor plain string order is natural.
    return [
        add_dip_entry(opds["dinkes"], TITLES[i], tahun=2024, slug=f"lk-tw-{i}")
        for i in (1, 2, 0)
    ]


def positions(text: str, titles=TITLES) -> list[int]:
    return [text.index(title) for title in titles]


def test_the_key_orders_numbers_by_value_and_ignores_case():
    titles = ["Tahun 2024", "tahun 2023", "Triwulan 12", "triwulan 2", "Tahun 7"]
    assert sorted(titles, key=natural_sort_key) == [
        "Tahun 7",
        "tahun 2023",
        "Tahun 2024",
        "triwulan 2",
        "Triwulan 12",
    ]
    assert natural_sort_key("Nomor 007") == natural_sort_key("nomor 7")
    # Roman numerals stay text.
    assert natural_sort_key("Triwulan III") == "triwulan iii"


def test_province_dip_lists_the_quarters_in_natural_order(client, quarters):
    html = client.get("/dip/").content.decode()
    assert positions(html) == sorted(positions(html))
    html = client.get("/dip/", {"kategori": "berkala"}).content.decode()
    assert positions(html) == sorted(positions(html))


def test_opd_dip_page_lists_the_quarters_in_natural_order(client, quarters, opds):
    url = DIPIndexPage.objects.child_of(opds["dinkes"]).get().url
    html = client.get(url).content.decode()
    assert positions(html) == sorted(positions(html))


def test_a_title_renamed_through_a_revision_publish_gets_its_new_key(client, quarters):
    twelve = DIPEntryPage.objects.get(title=TITLES[2])
    twelve.title = "Laporan keuangan triwulan 0 Dinas Kesehatan"
    twelve.save_revision().publish()
    twelve.refresh_from_db()
    assert twelve.title_sort_key == natural_sort_key(twelve.title)
    html = client.get("/dip/").content.decode()
    renamed = [twelve.title, *TITLES[:2]]
    assert positions(html, renamed) == sorted(positions(html, renamed))


def test_the_migration_fills_the_key_of_existing_entries(quarters):
    DIPEntryPage.objects.update(title_sort_key="")
    migration = importlib.import_module("cms.dip.migrations.0003_natural_title_order")
    migration.fill_title_sort_keys(apps, None)
    for entry in DIPEntryPage.objects.all():
        assert entry.title_sort_key == natural_sort_key(entry.title)

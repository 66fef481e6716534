"""The API lists DIP titles in natural order ("triwulan 2" before "triwulan 12")."""

import pytest

from tests.factories import add_dip_entry

pytestmark = pytest.mark.django_db

TITLES = [f"Laporan keuangan triwulan {n} Dinas Kesehatan" for n in (1, 2, 12)]


def test_api_lists_the_quarters_in_natural_order(client, opds):
    for i in (1, 2, 0):  # neither insertion nor plain string order is natural
        add_dip_entry(opds["dinkes"], TITLES[i], tahun=2024, slug=f"lk-tw-{i}")
    for url in ("/api/v1/dip/?kategori=berkala", "/api/v1/opd/dinkes/dip/"):
        [group] = [
            group
            for group in client.get(url).json()["groups"]
            if group["kategori"] == "berkala"
        ]
        assert [entry["title"] for entry in group["entries"]] == TITLES

"""An exempted DIP entry's summary never leaks through shared-link metadata."""

import pytest

from tests.factories import add_dip_entry

pytestmark = pytest.mark.django_db


def test_exempted_entry_has_no_summary_in_meta_tags(client, opds):
    entry = add_dip_entry(
        opds["dinkes"],
        "Rekam Medis Pasien",
        kategori="dikecualikan",
        ringkasan="Rahasia isi rekam medis",
        search_description="Deskripsi rahasia",
    )
    response = client.get(entry.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Rekam Medis Pasien" in html
    assert "Rahasia isi rekam medis" not in html
    assert "Deskripsi rahasia" not in html

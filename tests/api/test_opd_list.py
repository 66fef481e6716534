import pytest

pytestmark = pytest.mark.django_db


def test_opd_list_is_public_and_sorted(client, opds):
    response = client.get("/api/v1/opd/")
    assert response.status_code == 200
    rows = response.json()
    assert [r["slug"] for r in rows] == ["bpbd", "dinkes", "diskominfo"]
    assert rows[2]["name"].startswith("Dinas Komunikasi")

"""Public pages travel compressed; the admin (CSRF tokens: BREACH) does not."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_are_gzipped_for_clients_that_accept_it(client, opds):
    plain = client.get("/opd/")
    packed = client.get("/opd/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    assert gzip.decompress(packed.content) == plain.content
    assert len(packed.content) < len(plain.content) / 2


def test_admin_pages_are_not_compressed(admin_client):
    response = admin_client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")

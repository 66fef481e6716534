"""Every error under /api/ answers in the one JSON shape, never an HTML page."""

import pytest
from django.test import Client

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.access.urls")]


def assert_error(response, status, code):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response["Cache-Control"] == "private, no-store"
    error = response.json()["error"]
    assert error["status"] == status and error["code"] == code
    assert error["message"]
    return error


@pytest.mark.parametrize("path", ["/api/v1/tidak-ada/", "/api/lain/", "/api/v9/x/"])
def test_unknown_api_urls_answer_json_404(client, home, path):
    error = assert_error(client.get(path), 404, "not_found")
    assert error["message"] == "Alamat API ini tidak dikenal."


def test_unknown_portal_urls_keep_the_html_page(client, home):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    assert not response["Content-Type"].startswith("application/json")


def test_wrong_method_and_media_type(client):
    assert_error(client.post("/api/v1/opd/"), 405, "method_not_allowed")
    assert_error(client.delete("/api/v1/opd/"), 405, "method_not_allowed")
    assert_error(
        client.get("/api/v1/opd/", HTTP_ACCEPT="text/html"), 406, "not_acceptable"
    )


def test_crashes_answer_json_500(home):
    client = Client(raise_request_exception=False)
    error = assert_error(client.get("/api/v1/_test/broken/"), 500, "server_error")
    assert error["message"] == "Terjadi kesalahan pada server."
    assert_error(client.get("/api/_test/broken/"), 500, "server_error")

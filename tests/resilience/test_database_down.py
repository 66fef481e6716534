"""Issue 11, item 2: while PostgreSQL restarts, requests answer 503 with
Retry-After (the API's JSON error shape under /api/, a friendly page on the
portal), never 500, and the site recovers by itself. The connection is pointed
at a dead port (or its server process killed): the shared cluster keeps running."""

import psycopg
import pytest
from django.db import close_old_connections, connection

from tests.factories import add_item

# Real commits: the database goes away between requests, not inside a test
# transaction; serialized_rollback keeps the page tree the migrations create.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def item(opds):
    return add_item(opds["dinkes"], "Posyandu cegah stunting", slug="posyandu")


@pytest.fixture
def web(client):
    client.raise_request_exception = False  # answer as in production
    return client


def assert_api_unavailable(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert response["Cache-Control"] == "private, no-store"
    error = response.json()["error"]
    assert error["status"] == 503 and error["code"] == "unavailable"
    assert error["message"]


def assert_portal_unavailable(response):
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    page = response.content.decode()
    assert '<html lang="id">' in page
    assert "Maaf, layanan sedang tidak tersedia sebentar" in page


def test_database_down_answers_503_and_recovers(web, item, database_down):
    with database_down():
        for url in ("/api/v1/content/", "/api/v1/dip/", f"/api/v1/content/{item.pk}/"):
            assert_api_unavailable(web.get(url))
        # An unknown API URL needs no database (no editors' redirects under
        # /api/): its JSON 404, never a 500.
        unknown = web.get("/api/v1/tidak-ada/")
        assert unknown.status_code == 404
        assert unknown.json()["error"]["status"] == 404
        for url in ("/", "/dinkes/", item.url, "/feed/rss.xml", "/cari/?q=posyandu"):
            assert_portal_unavailable(web.get(url))
        assert web.get("/healthz").status_code == 200  # alive: do not restart it
        assert web.get("/healthz/ready").status_code == 503  # not ready: no traffic

    assert web.get("/api/v1/content/").status_code == 200
    assert "Posyandu cegah stunting" in web.get(item.url).content.decode()
    assert web.get("/healthz/ready").status_code == 200


def test_a_logged_in_editor_gets_the_page_too(web, item, admin_user, database_down):
    """The session and the user are read by middleware, before any view."""
    web.force_login(admin_user)
    with database_down():
        assert_portal_unavailable(web.get(item.url))
        assert web.get("/admin/").status_code == 503
    assert web.get("/admin/pages/").status_code in (200, 302)


def test_a_connection_killed_by_a_restart_is_replaced(web, item):
    """A persistent connection (CONN_MAX_AGE in production) whose server process
    went away, as after a PostgreSQL restart: the next request reconnects."""
    connection.settings_dict["CONN_MAX_AGE"] = 60
    try:
        connection.close()
        connection.ensure_connection()
        pid = connection.connection.info.backend_pid
        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        with psycopg.connect(**params, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        close_old_connections()  # what Django does when a request starts
        assert web.get("/api/v1/content/").status_code == 200
        assert connection.connection.info.backend_pid != pid
    finally:
        connection.settings_dict["CONN_MAX_AGE"] = 0
        connection.close()


def test_readiness_reports_the_database_down(web, item, database_down, settings):
    settings.HEALTH_TOKEN = "uji-token-kesehatan-yang-panjang"
    auth = {"HTTP_AUTHORIZATION": "Bearer uji-token-kesehatan-yang-panjang"}
    with database_down():
        response = web.get("/healthz/ready", **auth)
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "down"
    assert body["checks"]["database"]["status"] == "down"
    assert body["checks"]["search_outbox"]["status"] == "skipped"
    assert body["checks"]["cache"]["status"] == "ok"

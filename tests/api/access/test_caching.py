"""HTTP validators and the server-side response cache: fresh on the first request
after a publish commits, SQL-free on a hit, never caching errors."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date, parse_http_date

from cms.core.changes import deliver_committed
from cms.core.content_generation import bump_content_generation
from cms.opd.models import OPDPage

from .conftest import key_header, run_earlier_hooks

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.access.urls")]

URL = "/api/v1/_test/opd/"


def titles(response):
    assert response.status_code == 200, response.content
    return {row["slug"]: row["title"] for row in response.json()}


def rename_and_publish(page, title):
    page.title = title
    page.save_revision().publish()


def test_validators_and_caching_headers(client, opds):
    response = client.get(URL)
    assert re.fullmatch(r'"[0-9a-f]{32}"', response["ETag"])
    assert parse_http_date(response["Last-Modified"])
    assert response["Cache-Control"] == (
        "public, max-age=60, stale-while-revalidate=30"
    )
    vary = {v.strip().lower() for v in response["Vary"].split(",")}
    assert {"accept", "authorization", "x-api-key", "origin"} <= vary

    etag, modified = response["ETag"], response["Last-Modified"]
    not_modified = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert not_modified["Cache-Control"] == response["Cache-Control"]
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    earlier = http_date(parse_http_date(modified) - 86400)
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    assert client.get(URL, HTTP_IF_NONE_MATCH='"lain"').status_code == 200
    assert client.head(URL)["ETag"] == etag


def test_a_publish_is_served_by_the_next_request(client, opds, committed):
    before = client.get(URL)
    assert titles(before)["dinkes"] == "Dinas Kesehatan"
    with committed():
        rename_and_publish(opds["dinkes"], "Dinas Kesehatan Provinsi Banten")

    after = client.get(URL, HTTP_IF_NONE_MATCH=before["ETag"])
    assert titles(after)["dinkes"] == "Dinas Kesehatan Provinsi Banten"
    assert after["ETag"] != before["ETag"]
    assert parse_http_date(after["Last-Modified"]) >= parse_http_date(
        before["Last-Modified"]
    )
    assert client.get(URL, HTTP_IF_NONE_MATCH=after["ETag"]).status_code == 304
    # Same for the real endpoint.
    assert "Dinas Kesehatan Provinsi Banten" in client.get("/api/v1/opd/").text


def test_unpublished_and_new_pages_show_on_the_next_request(
    client, home, opds, committed
):
    assert "bpbd" in titles(client.get(URL))
    with committed():
        opds["bpbd"].unpublish()
    assert "bpbd" not in titles(client.get(URL))
    with committed():
        home.add_child(
            instance=OPDPage(
                title="Biro Umum", slug="biro-umum", short_name="BU", kind="biro"
            )
        )
    assert "biro-umum" in titles(client.get(URL))


def test_the_cache_follows_commits(client, opds, django_capture_on_commit_callbacks):
    run_earlier_hooks()
    assert titles(client.get(URL))["dinkes"] == "Dinas Kesehatan"
    with django_capture_on_commit_callbacks() as callbacks:
        rename_and_publish(opds["dinkes"], "Dinkes (belum commit)")
        rename_and_publish(opds["bpbd"], "BPBD (belum commit)")
    deliveries = [c for c in callbacks if c is deliver_committed]
    assert len(deliveries) == 1  # one invalidation per transaction
    # Not committed yet: the cached, committed version is still served.
    assert titles(client.get(URL))["dinkes"] == "Dinas Kesehatan"
    deliveries[0]()  # the commit
    assert titles(client.get(URL))["dinkes"] == "Dinkes (belum commit)"


def test_generations_are_distinct_even_within_one_second(db):
    first = bump_content_generation()
    second = bump_content_generation()
    assert second > first


def test_a_hit_runs_no_sql(client, opds, make_key, django_assert_num_queries):
    first = client.get("/api/v1/opd/?b=2&a=1")
    with django_assert_num_queries(0):
        hit = client.get("/api/v1/opd/?a=1&b=2")
    assert hit.status_code == 200 and hit.content == first.content
    assert hit["ETag"] == first["ETag"]

    _key, secret = make_key()
    client.get("/api/v1/opd/", **key_header(secret))
    with django_assert_num_queries(0):
        keyed = client.get("/api/v1/opd/", **key_header(secret))
    assert keyed.content == client.get("/api/v1/opd/").content  # shared entry


def test_errors_are_never_cached(client, opds):
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/opd/tidak-ada/")
        assert response.status_code == 404
        assert response["Cache-Control"] == "private, no-store"
        assert "ETag" not in response
        assert len(queries) > 0  # rendered each time, never from the cache


def test_responses_to_preview_keys_are_private(client, opds, make_key):
    _key, secret = make_key(scopes=["read", "preview"], opd=opds["dinkes"])
    response = client.get(URL, **key_header(secret))
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(URL)["Cache-Control"].startswith("public")


def test_without_redis_requests_are_served_fresh(client, opds, committed, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }
    response = client.get(URL)
    assert response.status_code == 200 and response["ETag"]
    assert "Last-Modified" not in response  # no generation to date it
    with committed():
        rename_and_publish(opds["dinkes"], "Dinkes tanpa Redis")
    assert titles(client.get(URL))["dinkes"] == "Dinkes tanpa Redis"


def test_representations_are_cached_apart(client, opds):
    compact = client.get(URL)
    indented = client.get(URL, HTTP_ACCEPT="application/json; indent=2")
    assert indented.status_code == 200
    assert indented.content != compact.content and b"\n  " in indented.content
    assert client.get(URL).content == compact.content
    assert client.get(URL + "?format=json").json() == compact.json()

"""Cached anonymous reads answered before URL resolution (api/v1/fast_path.py)
look exactly like the uncached response and the view's own cache hits, and count
once against the rate.

The fast path adds no header of another middleware: those come from the middleware
before it, the view's from the entry. A middleware placed after it, or a header a
view adds in a way the entry does not keep, makes the comparisons here fail."""

import gzip

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

URL = "/api/v1/opd/"

# Requests as browsers, OPD sites and CDNs send them: CORS, gzip, another language.
CLIENTS = {
    "bare": {},
    "browser": {
        "HTTP_ORIGIN": "https://dinkes.example.go.id",
        "HTTP_ACCEPT_ENCODING": "gzip, deflate, br",
        "HTTP_ACCEPT_LANGUAGE": "en",
        "HTTP_ACCEPT": "*/*",
    },
}


def comparable(response):
    """Headers and body, the gzip randomness left out (Django pads compressed
    bodies with random bytes against BREACH: their length varies)."""
    headers, body = dict(response.headers), response.content
    if headers.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
        headers["Content-Length"] = "(gzipped)"
    return headers, body


@pytest.mark.parametrize("extra", CLIENTS.values(), ids=CLIENTS.keys())
@pytest.mark.parametrize("path", [URL, "/api/v1/opd/dinkes/"])
def test_fast_hits_carry_the_headers_of_the_long_way(
    client, opds, settings, path, extra
):
    uncached = client.get(path, **extra)
    with CaptureQueriesContext(connection) as queries:
        fast = client.get(path, **extra)
    settings.API_FAST_PATH = False
    long = client.get(path, **extra)
    assert uncached.status_code == fast.status_code == long.status_code == 200
    assert len(queries) == 0  # answered by the fast path
    assert comparable(fast) == comparable(long) == comparable(uncached)


@pytest.mark.parametrize("extra", CLIENTS.values(), ids=CLIENTS.keys())
def test_fast_304s_carry_the_headers_of_the_long_way(client, opds, settings, extra):
    etag = client.get(URL, **extra)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        fast = client.get(URL, HTTP_IF_NONE_MATCH=etag, **extra)
    settings.API_FAST_PATH = False
    long = client.get(URL, HTTP_IF_NONE_MATCH=etag, **extra)
    assert fast.status_code == long.status_code == 304
    assert len(queries) == 0
    assert comparable(fast) == comparable(long)


def test_keyed_requests_take_the_long_way(client, opds, settings):
    client.get(URL)
    response = client.get(URL, HTTP_X_API_KEY="spg_not-a-real-key")
    assert response.status_code == 401  # authentication still ran


def test_entries_without_the_views_headers_are_left_to_the_view(
    client, opds, monkeypatch
):
    """Entries stored before they kept the view's headers (a deploy with a warm
    cache): the view answers them from the cache, with its own headers."""
    from api.v1 import caching, fast_path, response_cache

    stored = {}
    real_store = response_cache.store

    def store_without_headers(name, entry):
        stored[name] = entry
        real_store(name, entry._replace(headers=None))

    monkeypatch.setattr(response_cache, "store", store_without_headers)
    first = client.get(URL)
    assert len(stored) == 1
    served_by = []
    for module in (caching, fast_path):
        real = module.response_from_cache

        def spy(*args, real=real, module=module, **kwargs):
            served_by.append(module.__name__)
            return real(*args, **kwargs)

        monkeypatch.setattr(module, "response_from_cache", spy)
    again = client.get(URL)
    assert served_by == ["api.v1.caching"]
    assert again.content == first.content
    assert dict(again.headers) == dict(first.headers)


def test_the_urls_the_fast_path_leaves_alone_are_exactly_the_never_stored_views():
    """``NEVER_STORED`` names by path what the views say by ``server_cache``: the
    two must agree, or a stored answer would be skipped or a search looked up."""
    from django.urls import get_resolver

    from api.v1.fast_path import NEVER_STORED

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if hasattr(pattern, "url_patterns"):
                yield from walk(pattern.url_patterns, route)
            else:
                yield "/" + route, getattr(pattern.callback, "view_class", None)

    for route, view in walk(get_resolver().url_patterns):
        if not route.startswith("/api/v1/") or view is None:
            continue
        never_stored = getattr(view, "server_cache", True) is False
        assert route.startswith(NEVER_STORED) == never_stored, route

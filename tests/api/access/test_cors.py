"""CORS: public reads from any origin; keyed reads only from the key's origins;
preflights for keyed requests only from origins some active key allows."""

import pytest

from api.keys.services import api_key_revoke

from .conftest import key_header

pytestmark = pytest.mark.django_db

URL = "/api/v1/opd/"
SITE = "https://dinkes.example.go.id"
ELSEWHERE = "https://elsewhere.example.com"


def preflight(client, origin, headers="x-api-key"):
    return client.options(
        URL,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS=headers,
    )


def test_anonymous_reads_are_open_to_every_origin(client, opds):
    response = client.get(URL, HTTP_ORIGIN=ELSEWHERE)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ELSEWHERE
    assert "origin" in response["Vary"].lower()
    assert "etag" in response["Access-Control-Expose-Headers"]


def test_keyed_reads_only_from_the_keys_origins(client, opds, make_key):
    _key, secret = make_key(allowed_origins=[SITE])
    allowed = client.get(URL, HTTP_ORIGIN=SITE, **key_header(secret))
    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == SITE

    refused = client.get(URL, HTTP_ORIGIN=ELSEWHERE, **key_header(secret))
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"
    assert ELSEWHERE in refused.json()["error"]["message"]
    assert "Access-Control-Allow-Origin" not in refused
    # Server-to-server calls send no Origin.
    assert client.get(URL, **key_header(secret)).status_code == 200


def test_preflights_follow_the_active_keys(client, make_key, committed):
    assert "Access-Control-Allow-Origin" not in preflight(client, SITE)
    key, _secret = make_key(allowed_origins=[SITE])
    allowed = preflight(client, SITE, headers="x-api-key, if-none-match")
    assert allowed.status_code == 200
    assert allowed["Access-Control-Allow-Origin"] == SITE
    assert "x-api-key" in allowed["Access-Control-Allow-Headers"]
    assert "authorization" in allowed["Access-Control-Allow-Headers"]
    assert allowed["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Origin" not in preflight(client, ELSEWHERE)

    with committed():
        api_key_revoke(key=key)
    assert "Access-Control-Allow-Origin" not in preflight(client, SITE)


def test_preflight_without_key_headers_is_open(client):
    response = preflight(client, ELSEWHERE, headers="if-none-match")
    assert response["Access-Control-Allow-Origin"] == ELSEWHERE


def test_other_paths_are_not_cors_enabled(client, opds):
    response = client.get("/", HTTP_ORIGIN=ELSEWHERE)
    assert "Access-Control-Allow-Origin" not in response

"""API keys on requests: headers, refusals in the one error shape, last use."""

import pytest
from django.core.cache import cache

from api.keys.models import APIKey
from api.keys.selectors import used_marker_name
from api.keys.services import api_key_revoke

from .conftest import key_header

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.access.urls")]

WHOAMI = "/api/v1/_test/whoami/"


def test_without_a_key_the_caller_is_anonymous(client):
    assert client.get(WHOAMI).json() == {"key": None, "user": "None"}


def test_a_key_in_either_header_identifies_the_site_not_a_user(client, make_key):
    key, secret = make_key()
    by_authorization = client.get(WHOAMI, HTTP_AUTHORIZATION=f"api-key  {secret}")
    by_header = client.get(WHOAMI, HTTP_X_API_KEY=secret)
    assert (
        by_authorization.json()
        == by_header.json()
        == {
            "key": key.prefix,
            "user": "None",
        }
    )


def test_another_authorization_scheme_is_not_ours(client):
    response = client.get(WHOAMI, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz")
    assert response.json()["key"] is None


@pytest.mark.parametrize(
    "secret",
    ["spg_00000000.tidak-ada", "bukan-kunci", "spg_" + "x" * 300],
)
def test_an_unknown_key_is_refused_in_the_error_shape(client, secret):
    response = client.get("/api/v1/opd/", **key_header(secret))
    assert response.status_code == 401
    assert response.json() == {
        "error": {
            "status": 401,
            "code": "not_authenticated",
            "message": "Kunci API tidak dikenal.",
        }
    }
    assert response["WWW-Authenticate"] == 'Api-Key realm="api"'
    assert response["Cache-Control"] == "private, no-store"


def test_a_revoked_key_is_refused_on_the_next_request(client, make_key, committed):
    key, secret = make_key()
    assert client.get(WHOAMI, **key_header(secret)).status_code == 200  # cached
    with committed():
        api_key_revoke(key=key)
    response = client.get(WHOAMI, **key_header(secret))
    assert response.status_code == 401
    assert response.json()["error"]["message"] == "Kunci API ini sudah dicabut."


def test_last_use_is_written_at_most_once_a_minute(client, make_key):
    key, secret = make_key()
    assert key.last_used_at is None
    client.get(WHOAMI, **key_header(secret))
    key.refresh_from_db()
    first_use = key.last_used_at
    assert first_use is not None

    APIKey.objects.filter(pk=key.pk).update(last_used_at=None)
    for _ in range(3):
        client.get(WHOAMI, **key_header(secret))
    key.refresh_from_db()
    assert key.last_used_at is None  # no write within the minute

    cache.delete(used_marker_name(key.key_hash))  # the minute has passed
    client.get(WHOAMI, **key_header(secret))
    key.refresh_from_db()
    assert key.last_used_at is not None


def test_scopes(make_key):
    key, _secret = make_key(scopes=["read"])
    assert key.allows("read") and not key.allows("preview")
    preview, _secret = make_key(scopes=["read", "preview"])
    assert preview.allows("preview")
    api_key_revoke(key=preview)
    assert not preview.is_active and not preview.allows("read")

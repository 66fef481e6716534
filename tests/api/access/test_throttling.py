"""Rate limits in Redis: per key (its own rate or the key default) and per client
address; 429 with Retry-After in the one error shape."""

import pytest
from django.test import RequestFactory

from api.v1.throttling import client_ip

from .conftest import key_header

pytestmark = pytest.mark.django_db

URL = "/api/v1/opd/"


@pytest.fixture
def small_rates(settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/min", "key": "5/min"},
    }


def statuses(client, count, **headers):
    return [client.get(URL, **headers).status_code for _ in range(count)]


def test_anonymous_callers_are_limited_per_address(client, opds, small_rates):
    here = {"REMOTE_ADDR": "198.51.100.7"}
    assert statuses(client, 3, **here) == [200, 200, 200]
    refused = client.get(URL, **here)
    assert refused.status_code == 429
    # The sliding window may need part of the next minute too.
    assert 1 <= int(refused["Retry-After"]) <= 120
    error = refused.json()["error"]
    assert error["code"] == "rate_limited" and error["status"] == 429
    assert error["message"].startswith("Terlalu banyak permintaan.")
    assert f"{refused['Retry-After']} detik" in error["message"]
    assert refused["Cache-Control"] == "private, no-store"
    # Another address has its own budget.
    assert client.get(URL, REMOTE_ADDR="198.51.100.8").status_code == 200


def test_each_key_has_its_own_budget(client, opds, make_key, small_rates):
    _first, first = make_key("Situs A")
    _second, second = make_key("Situs B")
    _slow, slow = make_key("Situs C", rate_per_minute=2)
    assert statuses(client, 5, **key_header(first)) == [200] * 5
    assert client.get(URL, **key_header(first)).status_code == 429
    assert statuses(client, 5, **key_header(second)) == [200] * 5
    assert statuses(client, 3, **key_header(slow)) == [200, 200, 429]
    # Anonymous callers from the same address are counted apart from keys.
    assert statuses(client, 3) == [200, 200, 200]


def test_search_endpoints_are_limited_and_authenticated_too(client, small_rates):
    url = "/api/v1/search/suggest/?q=ban"
    for _ in range(3):
        client.get(url, REMOTE_ADDR="198.51.100.9")
    assert client.get(url, REMOTE_ADDR="198.51.100.9").status_code == 429
    refused = client.get(url, **key_header("spg_00000000.salah"))
    assert refused.status_code == 401


def test_client_address_behind_trusted_proxies(settings):
    request = RequestFactory().get(
        URL,
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5, 10.0.0.9",
    )
    assert client_ip(request) == "10.0.0.2"  # no trusted proxy: header ignored
    settings.API_TRUSTED_PROXIES = ["10.0.0.0/8"]
    # From the right, the first hop no proxy of ours added; "1.2.3.4" was
    # written by the client itself.
    assert client_ip(request) == "203.0.113.5"
    direct = RequestFactory().get(
        URL, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert client_ip(direct) == "203.0.113.9"  # not from a proxy: not believed

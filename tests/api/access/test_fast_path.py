"""Cached anonymous reads answered before URL resolution (api/v1/fast_path.py)
look exactly like the view's own cache hits and count once against the rate."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

URL = "/api/v1/opd/"


def test_fast_and_long_paths_answer_the_same(client, opds, settings):
    client.get(URL)  # fills the server cache
    fast = client.get(URL)
    settings.API_FAST_PATH = False
    long = client.get(URL)
    assert fast.status_code == long.status_code == 200
    assert fast.content == long.content
    assert dict(fast.headers) == dict(long.headers)


def test_a_fast_hit_runs_no_sql_and_still_answers_304(client, opds):
    etag = client.get(URL)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and len(queries) == 0


def test_keyed_requests_take_the_long_way(client, opds, settings):
    client.get(URL)
    response = client.get(URL, HTTP_X_API_KEY="spg_not-a-real-key")
    assert response.status_code == 401  # authentication still ran

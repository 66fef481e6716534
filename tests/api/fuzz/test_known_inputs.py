"""Inputs the fuzz once found the API mishandling, replayed on every run so they
stay fixed. Details: docs/api/fuzzing.md, "Findings"."""

import pytest
from django.db import connection
from psycopg.pq import TransactionStatus

pytestmark = pytest.mark.django_db

# F1 (fixed): a UTC offset beyond PostgreSQL's ±15:59 reached the query unchecked.
FAR_OFFSETS = [
    ("/api/v1/content/", "updated_since", "0094-11-12T23:57:34.866222-23:11"),
    ("/api/v1/content/", "published_after", "2000-01-01T00:00:00+16:00"),
    ("/api/v1/content/", "published_before", "2000-01-01T00:00:00-20:00"),
    ("/api/v1/content/tombstones/", "since", "1674-08-30T22:33:35-21:07"),
]


@pytest.mark.parametrize(("url", "name", "value"), FAR_OFFSETS)
def test_far_utc_offsets_are_answered_without_a_database_error(
    client, fuzz_content, url, name, value
):
    response = client.get(url, {name: value})
    aborted = connection.connection.info.transaction_status == TransactionStatus.INERROR
    assert not aborted, "the query failed in PostgreSQL"
    # Either read (the instant exists) or refused naming the parameter sent.
    if response.status_code == 400:
        assert set(response.json()["error"]["fields"]) == {name}
    else:
        assert response.status_code == 200

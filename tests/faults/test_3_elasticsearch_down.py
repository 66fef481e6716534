"""Elasticsearch stopped: what is published meanwhile is not lost, search answers from
the database with a "hasil terbatas" notice (portal) and ``degraded`` (API), and after
the restart the outbox catches up by itself."""

import uuid

import pytest
import requests

from .harness import wait_until

pytestmark = [pytest.mark.faults, pytest.mark.worker]

COUNT = 5


def test_elasticsearch_down_search_falls_back_and_catches_up(healthy):
    faults = healthy
    marker = f"es{uuid.uuid4().hex[:8]}"
    faults.stop_service("es")
    try:
        with pytest.raises(requests.RequestException):  # the outage is real
            requests.get(faults.es_url, timeout=3)
        faults.ops.call("publish", marker=marker, count=COUNT)
        titles = {f"{marker} kabar {n}" for n in range(COUNT)}

        page = requests.get(f"{faults.base_url}/cari/?q={marker}", timeout=30)
        assert page.status_code == 200
        assert "Hasil terbatas" in page.text
        assert all(title in page.text for title in titles)

        api = requests.get(f"{faults.base_url}/api/v1/search/?q={marker}", timeout=30)
        assert api.status_code == 200, api.text[:500]
        body = api.json()
        assert body["degraded"] is True
        assert {hit["title"] for hit in body["results"]} >= titles
    finally:
        faults.start_service("es")

    search = f"{faults.base_url}/api/v1/search/?q={marker}"

    def caught_up():  # in the index, and the public search reads it again
        faults.es_refresh()
        if faults.searchable(marker) != COUNT or faults.outbox_size():
            return False
        body = requests.get(search, timeout=30).json()
        return body["degraded"] is False and body["count"] == COUNT

    wait_until(caught_up, 120, step=1, what="the outbox to catch up after ES")

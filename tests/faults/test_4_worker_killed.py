"""A worker SIGKILLed in the middle of draining ~200 outbox rows: a new worker
delivers every one of them (no waiting out a long claim). Speed is measured by
`make bench-faults`; here a generous timeout only."""

import uuid

import pytest

from .harness import wait_until

pytestmark = [pytest.mark.faults, pytest.mark.worker]

COUNT = 200


def test_killed_worker_claims_are_retried(healthy):
    faults = healthy
    marker = f"kill{uuid.uuid4().hex[:8]}"
    faults.stop_proc("worker")  # the rows pile up, as behind a busy worker
    faults.ops.call("publish", marker=marker, count=COUNT)
    assert faults.outbox_size() >= COUNT

    claimed = faults.kill_worker_mid_drain()
    assert claimed > 0
    assert faults.outbox_size() > 0  # the dead worker's claims are still pending

    faults.start_worker()

    def delivered():
        faults.es_refresh()
        return faults.searchable(marker) == COUNT and faults.outbox_size() == 0

    wait_until(delivered, 120, step=1, what=f"all {COUNT} rows in Elasticsearch")

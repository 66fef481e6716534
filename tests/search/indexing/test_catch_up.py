"""How soon the index catches up (issue #11, cases 4 and 5): after an Elasticsearch
outage, and after a worker killed in the middle of a drain.

No wall-clock asserts: the bounds are read from the rows' next-attempt times and
from the settings, and "time passing" is moving those times back.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from search.client import _client
from search.indexing import bulk
from search.indexing import outbox as outbox_module
from search.indexing.keys import page_key
from search.indexing.models import SearchOutbox
from search.indexing.outbox import lease, outbox_drain, retry_max
from tests.factories import add_item

from .helpers import drain, indexed

pytestmark = pytest.mark.django_db

DEAD_URL = "http://127.0.0.1:9"  # discard port: connection refused at once
CATCH_UP_SECONDS = 30  # the bound


def sweep_seconds() -> float:
    return settings.CELERY_BEAT_SCHEDULE["search-outbox-redrain"]["schedule"]


def pass_time(seconds: float) -> None:
    """As if ``seconds`` had gone by: every pending row is due that much sooner."""
    for row in SearchOutbox.objects.all():
        row.available_at -= timedelta(seconds=seconds)
        row.save(update_fields=["available_at"])


def wait_left(row: SearchOutbox) -> float:
    return (row.available_at - timezone.now()).total_seconds()


def test_the_outbox_catches_up_soon_after_a_long_outage(opds, settings):
    real_url = settings.ELASTICSEARCH_URL
    page = add_item(opds["bpbd"], "Tanah Longsor Lebak")
    settings.ELASTICSEARCH_URL = DEAD_URL
    _client.cache_clear()
    for _ in range(12):  # a long outage: every sweep tries, and fails
        SearchOutbox.objects.update(available_at=timezone.now())
        assert outbox_drain().unavailable
    row = SearchOutbox.objects.get(object_key=page_key(page.pk))
    assert row.attempts == 12 and "Connection" in row.last_error
    # Backed off (one request per retry while down), but never for long.
    assert 0 < wait_left(row) <= retry_max()
    assert retry_max() + sweep_seconds() <= CATCH_UP_SECONDS

    settings.ELASTICSEARCH_URL = real_url  # Elasticsearch is back
    _client.cache_clear()
    pass_time(retry_max())  # the row is due by the next sweep at the latest
    drain()
    assert indexed(page)["title"] == "Tanah Longsor Lebak"
    assert not SearchOutbox.objects.exists()


def test_a_refused_document_still_backs_off_long():
    """Only unavailability is retried soon: a document Elasticsearch refuses would
    fail again, so it waits longer each time (up to 15 minutes)."""
    assert outbox_module.backoff(30).total_seconds() == 15 * 60
    assert outbox_module.backoff(30, retry_max()).total_seconds() == retry_max()
    assert outbox_module._transient("429 es_rejected_execution_exception: busy")
    assert outbox_module._transient("503 unavailable_shards_exception: x")
    assert not outbox_module._transient("400 mapper_parsing_exception: bad")


def test_a_killed_workers_claim_returns_within_the_lease(opds):
    page = add_item(opds["dinkes"], "Vaksinasi Keliling")
    claimed = outbox_module._claim(500)  # a worker claims the row... and is killed
    assert [row.object_key for row in claimed] == [page_key(page.pk)]
    assert outbox_drain().claimed == 0  # leased: no second worker sends it meanwhile
    row = SearchOutbox.objects.get()
    assert 0 < wait_left(row) <= lease().total_seconds()
    assert lease().total_seconds() + sweep_seconds() <= CATCH_UP_SECONDS

    pass_time(lease().total_seconds())  # the lease ends: the next sweep takes it
    assert drain().done == 1
    assert indexed(page)["title"] == "Vaksinasi Keliling"
    assert not SearchOutbox.objects.exists()


def test_a_live_drain_renews_its_lease_between_chunks(opds, monkeypatch):
    pages = [add_item(opds["diskominfo"], f"Rilis Panjang {n}") for n in range(3)]
    monkeypatch.setattr(bulk, "MAX_REQUEST_CHARS", 1)  # one document per request
    leased_until = []
    real_send = bulk._send

    def watch(*args, **kwargs):
        real_send(*args, **kwargs)
        leased_until.append(max(r.available_at for r in SearchOutbox.objects.all()))

    monkeypatch.setattr(bulk, "_send", watch)
    assert drain().done == 3
    # Each chunk pushed the lease of the rows still in work further out.
    assert len(leased_until) == 3
    assert leased_until[0] < leased_until[1] < leased_until[2]
    assert all(indexed(page) for page in pages)

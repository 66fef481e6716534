"""The hub's promise to a new connection: every event logged after it attached
reaches it, and none it is told it has seen was held back from it, even an event
logged in the very millisecond the process's reader started."""

import asyncio
import json

import pytest

from cms.core.cache_client import redis_client
from cms.live import log
from cms.live.hub import Connection, Hub

WAIT = 10  # seconds; a lost event fails the test, nothing here is timed
USER = 7


def page_event() -> dict:
    return {"topic": "page", "users": [USER], "pages": [1]}


async def first_event(connection: Connection) -> tuple[str, dict]:
    return await asyncio.wait_for(connection.queue.get(), WAIT)


def test_an_event_logged_as_the_reader_starts_reaches_the_tab():
    """Redis gives ids by its clock in milliseconds; the reader starts on an empty
    stream and an event follows at once, often in the same millisecond. Repeated,
    so that a reader which counted such an event as already seen is caught."""

    async def once() -> tuple[str, str]:
        redis_client().delete(log.stream_key())
        hub = Hub()
        connection = Connection(USER, ops=False)
        try:
            marker = await hub.attach(connection)
            log.append(page_event())
            event_id, message = await first_event(connection)
        finally:
            hub._reader.cancel()
        assert message["pages"] == [1]
        return marker, event_id

    for _ in range(40):
        marker, event_id = asyncio.run(once())
        assert log.parse_id(event_id) > log.parse_id(marker)


def test_without_redis_an_event_in_the_same_millisecond_reaches_the_tab(
    settings, monkeypatch
):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    monkeypatch.setattr(log, "memory", log.MemoryLog())
    monkeypatch.setattr(log.time, "time", lambda: 1_800_000_000.0)  # one instant
    assert redis_client() is None

    async def scenario():
        hub = Hub()
        connection = Connection(USER, ops=False)
        marker = await hub.attach(connection)
        log.append(page_event())
        return marker, await first_event(connection)

    marker, (event_id, message) = asyncio.run(scenario())
    assert message["pages"] == [1]
    assert log.parse_id(event_id) > log.parse_id(marker)


@pytest.mark.parametrize("before_attach", [0, 1, 3])
def test_an_event_dispatched_while_a_tab_attaches_is_either_seen_or_delivered(
    settings, monkeypatch, before_attach
):
    """The marker a tab gets and the events queued for it never overlap: an event
    counted as seen but queued would be dropped by the stream as a duplicate."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    monkeypatch.setattr(log, "memory", log.MemoryLog())

    async def scenario():
        hub = Hub()
        await hub.attach(Connection(USER + 1, ops=False))  # the reader is running
        loop = asyncio.get_running_loop()
        ids = [f"{1_900_000_000_000 + n}-0" for n in range(4)]
        data = json.dumps({"topic": "page", "users": [USER]})
        # Events arrive while the second tab attaches, at different points.
        for n, event_id in enumerate(ids):
            if n < before_attach:
                hub.dispatch(event_id, data)
            else:
                loop.call_soon(hub.dispatch, event_id, data)
        connection = Connection(USER, ops=False)
        marker = await hub.attach(connection)
        await asyncio.sleep(0)
        queued = []
        while not connection.queue.empty():
            queued.append(connection.queue.get_nowait()[0])
        return ids, marker, queued

    ids, marker, queued = asyncio.run(scenario())
    for event_id in ids:
        seen = log.parse_id(event_id) <= log.parse_id(marker)
        assert seen != (event_id in queued), (event_id, marker, queued)

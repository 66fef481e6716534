"""The live connection itself, served through Django's ASGI handler: what a tab is
sent, what it is not, what it gets back after a drop, and what is refused."""

import asyncio
import json
import time

import pytest
from asgiref.sync import sync_to_async
from django.test import AsyncClient
from django.urls import reverse

from cms.core.cache_client import redis_client
from cms.live import log
from tests.factories import UserFactory

# The stream's own threads read the users: they must be committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

STREAM = "/admin/live/stream/"
WAIT = 10  # seconds; generous for a busy machine, nothing here is timed


@pytest.fixture
def users(opds):
    redis_client().delete(log.stream_key())
    return {
        "editor": UserFactory(opd=opds["diskominfo"], role="editor"),
        "other": UserFactory(opd=opds["dinkes"], role="editor"),
        "province": UserFactory(role="province"),
    }


class Tab:
    """One open stream, read event by event."""

    def __init__(self, response):
        self.response = response
        self.chunks = aiter(response.streaming_content)

    async def next_event(self, timeout=WAIT) -> tuple[str, str | None, dict]:
        while True:
            chunk = (await asyncio.wait_for(anext(self.chunks), timeout)).decode()
            fields = dict(
                line.split(": ", 1)
                for line in chunk.strip().splitlines()
                if ": " in line
            )
            if "event" in fields:
                return fields["event"], fields.get("id"), json.loads(fields["data"])

    async def close(self):
        await self.chunks.aclose()


async def open_tab(user, **headers) -> Tab:
    client = AsyncClient()
    await client.aforce_login(user)
    response = await client.get(STREAM, headers=headers)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/event-stream")
    return Tab(response)


def send(users, **facts):
    log.append({"topic": "page", "users": [u.pk for u in users], **facts})


def test_a_tab_gets_its_users_events_and_no_one_elses(users):
    async def scenario():
        tab = await open_tab(users["editor"])
        name, _id, hello = await tab.next_event()
        assert (name, hello["user"]) == ("hello", users["editor"].pk)
        await sync_to_async(send)([users["other"]], pages=[1])
        await sync_to_async(send)([users["editor"]], pages=[2])
        name, event_id, event = await tab.next_event()
        await tab.close()
        return name, event_id, event

    name, event_id, event = asyncio.run(scenario())
    assert name == "live"
    assert event == {"topic": "page", "pages": [2]}  # not the recipients list
    assert event_id


def test_what_a_dropped_tab_missed_is_replayed_from_its_last_event_id(users):
    async def scenario():
        tab = await open_tab(users["editor"])
        _name, seen, _hello = await tab.next_event()
        await tab.close()  # the network drops
        await sync_to_async(send)([users["editor"]], pages=[7])
        await sync_to_async(send)([users["other"]], pages=[8])
        # The browser reconnects by itself, naming the last id it saw.
        again = await open_tab(users["editor"], last_event_id=seen)
        first = await again.next_event()
        second = await again.next_event()
        await again.close()
        return first, second

    (name, _id, missed), (after, _id2, hello) = asyncio.run(scenario())
    assert (name, missed) == ("live", {"topic": "page", "pages": [7]})
    assert after == "hello" and hello["resync"] is False


def test_a_tab_away_longer_than_the_log_keeps_is_told_to_refetch(users):
    long_ago = int(time.time() * 1000) - log.RETENTION_MS - 60_000

    async def scenario():
        tab = await open_tab(users["editor"], last_event_id=f"{long_ago}-0")
        event = await tab.next_event()
        await tab.close()
        return event

    name, _id, hello = asyncio.run(scenario())
    assert name == "hello" and hello["resync"] is True


def test_operations_events_reach_only_who_may_see_operations(users):
    async def scenario():
        ops_tab = await open_tab(users["province"])
        editor_tab = await open_tab(users["editor"])
        await ops_tab.next_event()
        await editor_tab.next_event()
        await sync_to_async(log.append)({"topic": "ops", "users": [], "ops": True})
        await sync_to_async(send)([users["editor"]], pages=[3])
        got_ops = await ops_tab.next_event()
        got_editor = await editor_tab.next_event()
        await ops_tab.close()
        await editor_tab.close()
        return got_ops, got_editor

    (_n, _i, ops_event), (_n2, _i2, editor_event) = asyncio.run(scenario())
    assert ops_event == {"topic": "ops"}
    assert editor_event == {"topic": "page", "pages": [3]}  # the ops one skipped


def test_connections_per_user_are_bounded(users, settings):
    settings.LIVE_MAX_CONNECTIONS_PER_USER = 2

    async def scenario():
        tabs = [await open_tab(users["editor"]) for _ in range(2)]
        client = AsyncClient()
        await client.aforce_login(users["editor"])
        refused = await client.get(STREAM)
        other = await open_tab(users["other"])  # others are not affected
        for tab in [*tabs, other]:
            await tab.close()
        return refused

    refused = asyncio.run(scenario())
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "paling banyak 2" in refused.content.decode()


def test_under_wsgi_the_stream_is_refused_and_the_admin_works(client, users):
    client.force_login(users["editor"])
    refused = client.get(STREAM)
    assert refused.status_code == 503
    assert refused["Retry-After"] == "300"
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_strangers_get_no_stream(users):
    async def scenario():
        anonymous = await AsyncClient().get(STREAM)
        outsider = AsyncClient()
        await outsider.aforce_login(await sync_to_async(UserFactory)())
        return anonymous, await outsider.get(STREAM)

    anonymous, outsider = asyncio.run(scenario())
    assert anonymous.status_code in (302, 403)  # the admin's sign-in, or refused
    assert outsider.status_code == 403

"""This web process's open live connections and its one reader of the event log.

However many editors are connected, a process holds one Redis connection for
reading (``XREAD`` from the last id it saw, so a Redis restart loses nothing that
was logged) and hands each event to the connections it is addressed to. A
connection that falls behind by ``QUEUE_SIZE`` events is told to re-fetch
everything instead of holding memory for it.
"""

import asyncio
import contextlib
import json
import logging
import time

import redis.asyncio as aioredis

from cms.core.cache_client import leader_url

from . import log

logger = logging.getLogger(__name__)

QUEUE_SIZE = 200
READ_BLOCK_MS = 15_000
REPLAY_MAX = 1000
RESYNC = {"topic": "resync"}


class Connection:
    def __init__(self, user_id: int, ops: bool):
        self.user_id = user_id
        self.ops = ops
        self.queue: asyncio.Queue = asyncio.Queue(maxsize=QUEUE_SIZE)

    def wants(self, message: dict) -> bool:
        return self.user_id in message.get("users", ()) or (
            self.ops and message.get("ops", False)
        )

    def offer(self, event_id: str, message: dict) -> None:
        if not self.wants(message):
            return
        try:
            self.queue.put_nowait((event_id, message))
        except asyncio.QueueFull:
            # Behind by QUEUE_SIZE events: drop them all, ask for a re-fetch.
            while not self.queue.empty():
                self.queue.get_nowait()
            self.queue.put_nowait((event_id, RESYNC))


class Hub:
    def __init__(self):
        self.connections: set[Connection] = set()
        self.tail = "0-0"  # the last event id this process has dispatched
        self._reader: asyncio.Task | None = None
        self._ready: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    # --- connections ----------------------------------------------------------
    async def attach(self, connection: Connection) -> str:
        """Add the connection; returns the id of the last event dispatched before
        it, so every later one reaches it. Redis away: the reader keeps trying and
        reads on from its last id."""
        self._start_reader()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ready.wait(), timeout=3)
        # No await between the two: an event dispatched in between would count
        # as seen without reaching the connection.
        self.connections.add(connection)
        return self.tail

    def detach(self, connection: Connection) -> None:
        self.connections.discard(connection)

    def dispatch(self, event_id: str, data: str) -> None:
        self.tail = event_id
        try:
            message = json.loads(data)
        except ValueError:
            logger.warning("Malformed live event %s ignored", event_id)
            return
        for connection in tuple(self.connections):
            connection.offer(event_id, message)

    async def replay(self, since: str) -> list[tuple[str, dict]] | None:
        """Logged events after ``since`` (some may also reach the connection's
        queue: the stream skips ids it has sent), or None when the log no longer
        reaches back that far."""
        if log.parse_id(since)[0] < time.time() * 1000 - log.RETENTION_MS:
            return None
        url = leader_url()
        if url is None:
            entries = log.memory.after(since)
        else:
            entries = await self._read_range(url, since)
        if entries is None:
            return None
        return [(event_id, json.loads(data)) for event_id, data in entries]

    # --- the reader -------------------------------------------------------------
    def _start_reader(self) -> None:
        loop = asyncio.get_running_loop()
        if self._reader is not None and self._loop is loop and not self._reader.done():
            return
        self._loop = loop
        self._ready = asyncio.Event()
        url = leader_url()
        if url is None:
            self.tail = log.memory.last_id()
            log.memory.listeners[:] = [self._from_memory]
            self._ready.set()
            self._reader = loop.create_future()  # nothing to run; never done
        else:
            self._reader = loop.create_task(self._read(url))

    def _from_memory(self, event_id: str, data: str) -> None:
        loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self.dispatch, event_id, data)

    async def _read(self, url: str) -> None:
        backoff, last = 0.5, None
        while True:
            client = _client(url)
            try:
                key = log.stream_key()
                if last is None:  # start at the end: older events are replays
                    # Redis's clock first: every id it gives after this is at
                    # least this millisecond.
                    seconds, micros = await client.time()
                    newest = await client.xrevrange(key, count=1)
                    if newest:
                        last = self.tail = newest[0][0]
                    else:
                        # Empty: all that is added from now on is new, whatever
                        # its id. The tabs' marker is just before Redis's now, so
                        # an event logged in this same millisecond still counts.
                        last = "0-0"
                        self.tail = f"{seconds * 1000 + micros // 1000 - 1}-0"
                self._ready.set()
                backoff = 0.5
                while True:
                    answer = await client.xread({key: last}, block=READ_BLOCK_MS)
                    for _key, entries in answer or ():
                        for event_id, fields in entries:
                            last = event_id
                            self.dispatch(event_id, fields.get("m", ""))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - any outage: wait and retry
                logger.warning("Live event reader: %s; retrying", exc)
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 10)
            finally:
                await client.aclose()

    async def _read_range(self, url, since) -> list[tuple[str, str]] | None:
        client = _client(url)
        try:
            key = log.stream_key()
            # Trimmed by age only (log.RETENTION_MS, checked by the caller).
            entries = await client.xrange(key, min=f"({since}", count=REPLAY_MAX)
            if len(entries) == REPLAY_MAX:
                return None  # more than a re-fetch costs
            return [(event_id, fields.get("m", "")) for event_id, fields in entries]
        except Exception as exc:  # noqa: BLE001
            logger.warning("Live replay unavailable: %s", exc)
            return None
        finally:
            await client.aclose()


def _client(url: str) -> aioredis.Redis:
    return aioredis.Redis.from_url(
        url,
        decode_responses=True,
        socket_connect_timeout=2,
        socket_timeout=READ_BLOCK_MS / 1000 + 10,
    )


hub = Hub()

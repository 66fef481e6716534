"""The shared log of live events: a Redis stream beside the cache, or memory in
the embedded setup (one process, no Redis).

A stream rather than pub/sub: a browser that reconnects sends the id of the last
event it saw (``Last-Event-ID``) and gets what it missed, and a web process whose
reader lost Redis for a moment reads on from where it stopped. Entries older than
``RETENTION_MS`` are trimmed; a browser away for longer re-fetches everything.
Appending never raises: live screens are a convenience, never a reason to fail a
change.
"""

import json
import logging
import threading
import time
from collections import deque
from collections.abc import Callable

from cms.core.cache_client import CACHE_ERRORS, cache_key, redis_client

logger = logging.getLogger(__name__)

RETENTION_MS = 10 * 60 * 1000
MEMORY_SIZE = 5000


def stream_key() -> str:
    return cache_key("live:events")


def parse_id(event_id: str) -> tuple[int, int]:
    """``"1700000000000-3"`` -> (1700000000000, 3); a bare number is its -0."""
    ms, _sep, seq = str(event_id).partition("-")
    return int(ms), int(seq or 0)


def append(message: dict) -> None:
    data = json.dumps(message, separators=(",", ":"))
    client = redis_client()
    if client is None:
        memory.append(data)
        return
    try:
        client.xadd(
            stream_key(),
            {"m": data},
            minid=f"{int(time.time() * 1000) - RETENTION_MS}-0",
            approximate=True,
        )
    except CACHE_ERRORS as exc:
        logger.warning("Live event not sent (Redis unavailable): %s", exc)


class MemoryLog:
    """The stream's stand-in inside one process (``make run``)."""

    def __init__(self):
        self._entries: deque[tuple[str, str]] = deque(maxlen=MEMORY_SIZE)
        self._lock = threading.Lock()
        self._last = (0, 0)
        self.listeners: list[Callable[[str, str], None]] = []

    def append(self, data: str) -> str:
        with self._lock:
            ms = int(time.time() * 1000)
            seq = self._last[1] + 1 if ms <= self._last[0] else 0
            self._last = (max(ms, self._last[0]), seq)
            event_id = f"{self._last[0]}-{self._last[1]}"
            self._entries.append((event_id, data))
        for listener in tuple(self.listeners):
            listener(event_id, data)
        return event_id

    def last_id(self) -> str:
        if self._last == (0, 0):  # nothing yet: the next id is this ms or later
            return f"{int(time.time() * 1000) - 1}-0"
        return f"{self._last[0]}-{self._last[1]}"

    def after(self, since: str) -> list[tuple[str, str]] | None:
        """Entries after ``since``, or None when some may have been dropped."""
        floor = parse_id(since)
        with self._lock:
            entries = list(self._entries)
        if len(entries) == MEMORY_SIZE and parse_id(entries[0][0]) > floor:
            return None
        return [entry for entry in entries if parse_id(entry[0]) > floor]


memory = MemoryLog()

"""A brief circuit breaker in front of the public search queries.

When Elasticsearch is unreachable (refused, timing out, 5xx, 429) every search would
otherwise wait for its own failure before falling back to the database. After one
such failure this process skips Elasticsearch for ``SEARCH_BREAKER_SECONDS`` and
answers from the database at once; the first search after that window tries again.

State is per process and per Elasticsearch URL: no shared store (Redis may be down
too), and a web worker pays at most one failed attempt per window.
"""

import threading
import time

from django.conf import settings

_lock = threading.Lock()
_open_until: dict[str, float] = {}
clock = time.monotonic  # a module attribute so tests can move time


def window_seconds() -> float:
    return float(getattr(settings, "SEARCH_BREAKER_SECONDS", 10.0))


def is_open(url: str) -> bool:
    return clock() < _open_until.get(url, 0.0)


def trip(url: str) -> None:
    with _lock:
        _open_until[url] = clock() + window_seconds()


def close(url: str) -> None:
    with _lock:
        _open_until.pop(url, None)

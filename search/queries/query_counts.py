"""The query log's first stop: counts kept in this process for about a second, then
added to the Redis hash that beat writes into the log (``querylog.py``).

A search counted straight into Redis paid a round trip for it: 0.4 ms of the
search API's ~3.5 ms of CPU (the loopback network stack runs in the sender's
time), the largest part after Elasticsearch's own round trip. Here a search adds
to a dict; one thread per process sends everything counted meanwhile in one
pipeline every ``FLUSH_SECONDS``. Counts go on as before from there.

What this costs: searches reach Redis up to a second later (the reports lag by the
beat interval anyway), and a search in the last second before midnight may be
counted on the next day. A process killed without warning loses at most one second
of counts; a normal exit sends them. When Redis fails, the batch is written to the
database directly (``querylog.write_direct``); when that fails too, it is kept for
the next try.
"""

import atexit
import logging
import os
import threading
import time
from collections import Counter

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 1.0

_lock = threading.Lock()
_pending: Counter = Counter()  # (query key, "c" or "z") -> searches
_flusher: threading.Thread | None = None
_send = None  # set by ``add``: querylog.send_counts


def add(key: str, zero_results: bool, send) -> None:
    """Count one search; ``send(counts)`` is how the thread hands counts on."""
    global _send
    _send = send
    with _lock:
        _pending[key, "c"] += 1
        if zero_results:
            _pending[key, "z"] += 1
    if _flusher is None or not _flusher.is_alive():
        _start()


def forget() -> None:
    """Drop the counts kept here (tests)."""
    with _lock:
        _pending.clear()


def _seconds() -> float:
    from django.conf import settings

    # 0: no thread (tests): counts wait for ``flush_query_log``.
    return float(getattr(settings, "SEARCH_QUERY_COUNTS_SECONDS", FLUSH_SECONDS))


def flush(send) -> int:
    """Hand the counts kept here to ``send(counts)`` (put back if it raises); the
    number of searches sent."""
    with _lock:
        if not _pending:
            return 0
        taken = dict(_pending)
        _pending.clear()
    try:
        send(taken)
    except Exception:
        with _lock:
            _pending.update(taken)
        raise
    return sum(n for (_key, kind), n in taken.items() if kind == "c")


def _start() -> None:
    global _flusher
    if _seconds() <= 0:
        return
    with _lock:
        if _flusher is not None and _flusher.is_alive():
            return
        _flusher = threading.Thread(
            target=_run, name="search-query-counts", daemon=True
        )
        _flusher.start()


def _run() -> None:
    from django.db import connections

    while True:
        time.sleep(_seconds() or FLUSH_SECONDS)
        if _seconds() <= 0:
            return  # turned off meanwhile (tests)
        try:
            flush(_send)
        except Exception:
            logger.warning("search query counts kept for the next try", exc_info=True)
        finally:
            connections.close_all()  # this thread's, if Redis failed and it wrote


def _at_exit() -> None:
    if _send is None:
        return
    try:
        flush(_send)
    except Exception:
        logger.error("search query counts lost at exit", exc_info=True)


def _after_fork_in_child() -> None:
    # The parent's counts are the parent's to send; the child starts its own thread.
    global _flusher, _lock
    _lock = threading.Lock()
    _pending.clear()
    _flusher = None


atexit.register(_at_exit)
os.register_at_fork(after_in_child=_after_fork_in_child)

"""The per-process memo of holiday dates behind ``cms.core.workdays``.

Deadlines are computed on every queue and report page, so the dates are read once
and kept. Two things keep the memo true:

- in this process, ``forget()`` runs on every ``Holiday`` write (the model's save
  and delete and its queryset's bulk writes; signals are reserved for the change
  events), so an admin edit counts at once;
- other processes compare a cheap signature of the table (row count and latest
  ``updated_at``) at most every ``HOLIDAYS_RECHECK_SECONDS`` and reload when it
  moved, so an edit reaches every worker within that time without any cache server.

It imports no model: ``models.py`` calls ``forget`` and ``workdays.py`` passes the
loaders, so neither imports the other through here.
"""

import threading
import time
from collections.abc import Callable, Hashable
from datetime import date

_lock = threading.Lock()
_state: tuple[float, Hashable, frozenset[date]] | None = None  # checked, sig, dates
_generation = 0  # bumped by forget(): a load that raced a write is not kept


def forget() -> None:
    global _state, _generation
    with _lock:
        _state = None
        _generation += 1


def dates(
    signature: Callable[[], Hashable],
    load: Callable[[], frozenset[date]],
    recheck_seconds: float,
) -> frozenset[date]:
    global _state
    now = time.monotonic()
    with _lock:
        state, generation = _state, _generation
    if state is not None and now - state[0] < recheck_seconds:
        return state[2]
    current = signature()
    unchanged = state is not None and current == state[1]
    result = state[2] if unchanged else load()
    with _lock:
        if _generation == generation:
            _state = (now, current, result)
    return result

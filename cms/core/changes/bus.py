"""Subscribing to change events and delivering them, in three ordered stages.

- ``MAINTAIN``: cms keeping its own data consistent (an OPD's groups on creation,
  items following a move to another OPD). Runs first, inside the transaction.
- ``RECORD``: consumers writing their durable records (search outbox rows, webhook
  deliveries, API tombstones) inside the same transaction: a rolled-back change
  leaves nothing behind, a committed one loses nothing even if the process dies
  right after the commit (each outbox has its own sweep).
- ``COMMITTED``: after the commit, once per transaction, with the transaction's
  events (ids only): cache generations, live screens, anything that must not run
  for a change that may still roll back. Outside a transaction it runs at once.

Within a stage subscribers are independent of each other: nothing may rely on the
order of INSTALLED_APPS. A subscriber that raises in ``MAINTAIN`` or ``RECORD`` fails
the change (the data would be inconsistent otherwise); ``COMMITTED`` subscribers are
isolated from each other and only logged.
"""

import logging
from collections.abc import Callable, Iterable
from enum import IntEnum

from asgiref.local import Local

from cms.core.commit import after_commit, on_commit_pending

from .events import Change, ContentChange

logger = logging.getLogger(__name__)


class Stage(IntEnum):
    MAINTAIN = 1
    RECORD = 2
    COMMITTED = 3


Handler = Callable[[ContentChange], None]
BatchHandler = Callable[[list[ContentChange]], None]

_subscribers: dict[Stage, list[tuple[Callable, frozenset[Change] | None]]] = {
    stage: [] for stage in Stage
}
_batch = Local()  # this thread's events awaiting the commit


def subscribe(
    handler: Handler | BatchHandler,
    *,
    stage: Stage,
    kinds: Iterable[Change] | None = None,
) -> None:
    """Call ``handler`` for events of ``kinds`` (all kinds when None). In-transaction
    stages get one event per call; ``COMMITTED`` gets the transaction's list (only
    events of ``kinds``, never empty). Subscribing twice is a no-op."""
    wanted = frozenset(kinds) if kinds is not None else None
    entries = _subscribers[stage]
    if all(existing is not handler for existing, _kinds in entries):
        entries.append((handler, wanted))


def unsubscribe(handler) -> None:
    for entries in _subscribers.values():
        entries[:] = [entry for entry in entries if entry[0] is not handler]


def emit(change: ContentChange) -> None:
    """Deliver ``change`` to the in-transaction stages now and queue it for the
    after-commit stage."""
    for stage in (Stage.MAINTAIN, Stage.RECORD):
        for handler, kinds in tuple(_subscribers[stage]):
            if kinds is None or change.kind in kinds:
                handler(change)
    if _subscribers[Stage.COMMITTED]:
        _queue_for_commit(change.without_instances())


def _queue_for_commit(change: ContentChange) -> None:
    # One delivery callback per transaction. If it is not pending, whatever is in
    # the batch belonged to a transaction that rolled back (or was delivered):
    # start afresh. A savepoint rolled back after the callback was registered
    # leaves its events in the batch: delivering them is harmless (consumers of
    # this stage only refresh derived state).
    if on_commit_pending(deliver_committed):
        _batch.events.append(change)
    else:
        _batch.events = [change]
        after_commit(deliver_committed)  # outside a transaction: delivers now


def deliver_committed() -> None:
    """Run the ``COMMITTED`` stage for the events queued in this thread."""
    events, _batch.events = getattr(_batch, "events", []), []
    if not events:
        return
    for handler, kinds in tuple(_subscribers[Stage.COMMITTED]):
        wanted = [e for e in events if kinds is None or e.kind in kinds]
        if not wanted:
            continue
        try:
            handler(wanted)
        except Exception:
            logger.exception("Change subscriber %r failed after commit", handler)

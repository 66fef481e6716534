"""Sending live events from anywhere in the code (web requests, Celery tasks).

``publish`` waits for the current transaction's commit, so a screen never shows
what a rollback undid, and never raises. An event names a ``topic`` (what the
browser re-fetches: "page", "notifications", "search", "ops", ...) and carries
ids, never titles or personal data: the fragments it leads to are rendered with
the reader's permissions.

A transaction's events of one topic (and the same facts) leave as one, with one
recipient lookup however many steps asked for them (``CommitBatch``).
"""

import json
import logging
from collections.abc import Callable, Iterable

from asgiref.local import Local

from cms.core.commit import after_commit, on_commit_pending

from . import log, recipients

logger = logging.getLogger(__name__)

MANY_PAGES = 200


class CommitBatch:
    """Items added during one transaction, handed to ``flush`` as ``{key: set of
    items}`` once after its commit (at once outside a transaction). As with the
    change events' ``COMMITTED`` stage, items of a savepoint rolled back after the
    first ``add`` still go out: harmless, they only make screens look again."""

    def __init__(self, flush: Callable[[dict], None]):
        self.flush = flush
        self.__qualname__ = f"CommitBatch({flush.__qualname__})"  # Django logs it
        self._local = Local()  # this thread's items awaiting the commit

    def add(self, key, items: Iterable = ()) -> None:
        pending = getattr(self._local, "items", None)
        if pending is None or not on_commit_pending(self):
            # A new transaction (or the last one rolled back): start afresh.
            pending = self._local.items = {}
        pending.setdefault(key, set()).update(items)
        # Each add waits for the commit too (Django keeps them in order): the
        # first to run sends everything, the others find nothing left. Cheap,
        # and right even where a test runs only the callbacks of a later block.
        after_commit(self)  # outside a transaction: delivers now

    def __call__(self) -> None:
        batch, self._local.items = getattr(self._local, "items", None), None
        if batch:
            self.flush(batch)


def _key(topic: str, facts: dict) -> tuple[str, str]:
    return topic, json.dumps(facts, sort_keys=True)


def _send_batch(batch: dict) -> None:
    for (topic, facts), channels in batch.items():
        send(topic, channels=channels, **json.loads(facts))


def _send_pages_batch(batch: dict) -> None:
    for (topic, facts), page_ids in batch.items():
        _deliver_pages(topic, sorted(page_ids), json.loads(facts))


_events = CommitBatch(_send_batch)
_page_events = CommitBatch(_send_pages_batch)


def publish(topic: str, *, channels: Iterable[str], **facts) -> None:
    _events.add(_key(topic, facts), channels)


def send(topic: str, *, channels: Iterable[str], **facts) -> None:
    """``publish`` now (the caller knows the data is committed)."""
    try:
        users, ops = recipients.resolve(channels)
        if users or ops:
            log.append({"topic": topic, "users": sorted(users), "ops": ops, **facts})
    except Exception:  # a live screen is never a reason to fail the caller
        logger.exception("Live event %r not sent", topic)


def cases_changed(groups: Iterable[str]) -> None:
    """Information requests or complaints moved: the members of ``groups`` (and
    superusers) re-fetch their open case queues. Sent now: call it after the
    commit (a ``CommitBatch`` flush)."""
    send("cases", channels=[f"group:{name}" for name in groups])


def publish_pages(topic: str, page_ids: Iterable[int], **facts) -> None:
    """To everyone whose admin shows one of these pages, after the commit."""
    page_ids = set(page_ids)
    if page_ids:
        _page_events.add(_key(topic, facts), page_ids)


def _deliver_pages(topic: str, page_ids: list[int], facts: dict) -> None:
    # An import touches thousands: past MANY_PAGES the browser re-fetches all.
    listed = {"pages": page_ids} if len(page_ids) <= MANY_PAGES else {"many": True}
    try:
        users = recipients.watchers_of_pages(page_ids)
        if users:
            log.append({"topic": topic, "users": sorted(users), **listed, **facts})
    except Exception:
        logger.exception("Live event %r not sent", topic)

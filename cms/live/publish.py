"""Sending live events from anywhere in the code (web requests, Celery tasks).

``publish`` waits for the current transaction's commit, so a screen never shows
what a rollback undid, and never raises. An event names a ``topic`` (what the
browser re-fetches: "page", "notifications", "search", "ops", ...) and carries
ids, never titles or personal data: the fragments it leads to are rendered with
the reader's permissions.
"""

import logging
from collections.abc import Iterable

from cms.core.commit import after_commit

from . import log, recipients

logger = logging.getLogger(__name__)

MANY_PAGES = 200


def publish(topic: str, *, channels: Iterable[str], **facts) -> None:
    channels = tuple(channels)
    after_commit(lambda: send(topic, channels=channels, **facts))


def send(topic: str, *, channels: Iterable[str], **facts) -> None:
    """``publish`` now (the caller knows the data is committed)."""
    try:
        users, ops = recipients.resolve(channels)
        if users or ops:
            log.append({"topic": topic, "users": sorted(users), "ops": ops, **facts})
    except Exception:  # a live screen is never a reason to fail the caller
        logger.exception("Live event %r not sent", topic)


def cases_changed(groups: Iterable[str]) -> None:
    """An information request or complaint moved: the members of ``groups`` (and
    superusers) re-fetch their open case queues, after the commit."""
    publish("cases", channels=[f"group:{name}" for name in groups])


def publish_pages(topic: str, page_ids: Iterable[int], **facts) -> None:
    """To everyone whose admin shows one of these pages."""
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return

    # An import touches thousands: past MANY_PAGES the browser re-fetches all.
    listed = {"pages": page_ids} if len(page_ids) <= MANY_PAGES else {"many": True}

    def deliver():
        try:
            users = recipients.watchers_of_pages(page_ids)
            if users:
                log.append({"topic": topic, "users": sorted(users), **listed, **facts})
        except Exception:
            logger.exception("Live event %r not sent", topic)

    after_commit(deliver)

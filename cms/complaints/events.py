"""Report events for notifications and webhooks.

A service calls ``emit("report.resolved", report, ...)`` inside its transaction,
after its writes. Two kinds of subscribers, as the stages of the content change
events (ADR 008):

- ``subscribe(callback, records=True)``: durable records (the email outbox, webhook
  deliveries) written in the SAME transaction, so a step and its notifications
  commit or vanish together: a crash right after the commit loses no email. Such a
  subscriber failing fails the step. (cms/live also collects report ids here, to
  send one live event per transaction after the commit.)
- ``subscribe(callback)``: once the transaction commits, never for a rolled-back
  change; a failing subscriber is logged and does not stop the others.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.utils import timezone

from cms.core.commit import after_commit

logger = logging.getLogger(__name__)

KINDS = frozenset(
    {
        "report.submitted",
        "report.verified",
        "report.info_requested",
        "report.responded",
        "report.resolved",
        "report.closed",
        "report.reopened",
        "report.rejected",
    }
)


@dataclass(frozen=True)
class ReportEvent:
    kind: str
    report_id: int
    tracking_code: str
    status: str
    at: datetime
    data: dict[str, Any] = field(default_factory=dict)


Subscriber = Callable[[ReportEvent], None]
_subscribers: list[Subscriber] = []
_recorders: list[Subscriber] = []


def subscribe(callback: Subscriber, *, records: bool = False) -> None:
    """Subscribing twice is a no-op."""
    chosen = _recorders if records else _subscribers
    if all(existing is not callback for existing in chosen):
        chosen.append(callback)


def unsubscribe(callback: Subscriber) -> None:
    for chosen in (_subscribers, _recorders):
        chosen[:] = [s for s in chosen if s is not callback]


def emit(kind: str, report, **data) -> ReportEvent:
    if kind not in KINDS:
        raise ValueError(f"Unknown report event kind: {kind}")
    event = ReportEvent(
        kind=kind,
        report_id=report.pk,
        tracking_code=report.tracking_code,
        status=report.status,
        at=timezone.now(),
        data=data,
    )
    for record in tuple(_recorders):
        record(event)
    after_commit(lambda: deliver(event))
    return event


def deliver(event: ReportEvent) -> None:
    for callback in tuple(_subscribers):
        try:
            callback(event)
        except Exception:
            logger.exception("Report event subscriber %r failed", callback)

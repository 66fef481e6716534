"""Rows that hold their own send schedule: the email outbox (``cms.notifications``)
and webhook deliveries (``api.webhooks``).

Such a row has ``attempts``, ``next_attempt_at``, ``locked_until`` (a worker's
lease while it sends) and ``queued_for`` (when a queued task should have taken
it). Retries are not Celery retries: the row is the schedule, so a lost task or a
broker outage only delays a send until the beat sweep queues it again. What a send
is, the statuses and the settings stay with each app; ``due`` below is always the
caller's queryset of rows that may still be sent.
"""

import random
from datetime import datetime, timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone

# A retry sooner than this gets its own delayed task; later ones wait for the
# sweep (a task held hours in Redis would outlive the broker's visibility timeout).
COUNTDOWN_LIMIT = timedelta(minutes=10)


def backoff(attempts: int, *, base: float, factor: float, cap: float) -> timedelta:
    """After the n-th failed attempt: base * factor^(n-1) seconds, capped, with
    +-20 % jitter so a recovering server is not hit by every row in one second."""
    seconds = min(base * factor ** max(attempts - 1, 0), cap)
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))  # noqa: S311


def claim(due: QuerySet, pk: int, lease: timedelta) -> bool:
    """Take row ``pk`` if it is due and no worker holds it; counts the attempt.
    One UPDATE, so two tasks never both send."""
    now = timezone.now()
    return bool(
        due.filter(pk=pk, next_attempt_at__lte=now)
        .exclude(locked_until__gt=now)
        .update(locked_until=now + lease, attempts=F("attempts") + 1)
    )


def retry_task_at(next_attempt_at: datetime, now: datetime) -> datetime | None:
    """The ``queued_for`` of a scheduled retry: its own task when soon, else None
    (the sweep queues it when due)."""
    return next_attempt_at if next_attempt_at - now <= COUNTDOWN_LIMIT else None


def unqueued_due_ids(due: QuerySet, *, requeue_after: timedelta, limit: int) -> list:
    """Rows to send now that have no task on its way: never queued, their task
    overdue by ``requeue_after`` (lost with Redis), or claimed by a worker that
    died (a finished attempt clears ``locked_until``, so a lease that ran out
    means nobody is sending it)."""
    now = timezone.now()
    return list(
        due.filter(next_attempt_at__lte=now)
        .filter(
            Q(queued_for__isnull=True)
            | Q(queued_for__lte=now - requeue_after)
            | Q(locked_until__lte=now)
        )
        .exclude(locked_until__gt=now)
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )

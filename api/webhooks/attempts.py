"""Delivery attempts (in a worker): claim, send, schedule the retry, find what the
sweep must queue, prune. Nothing here enqueues tasks: ``tasks`` does, so the task
module depends on this one and never the other way round."""

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from cms.core import send_schedule

from . import selectors
from .models import (
    SENDABLE,
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
)
from .sending import MAX_ADDRESSES, send_signed

logger = logging.getLogger(__name__)


def _setting(name: str, default):
    return getattr(settings, f"WEBHOOKS_{name}", default)


def lease() -> timedelta:
    """How long a worker holds a delivery while it sends. Longer than one send can
    take (each address tried costs at most connect + read), so a live worker never
    loses its claim; short, so a killed worker's delivery is swept again soon
    (``selectors.due_delivery_ids``). Not renewed: one claim is one request."""
    send = MAX_ADDRESSES * (
        _setting("CONNECT_TIMEOUT", 3.0) + _setting("READ_TIMEOUT", 5.0)
    )
    return timedelta(seconds=max(_setting("LEASE_SECONDS", 20.0), send + 2))


def max_attempts() -> int:
    return _setting("MAX_ATTEMPTS", 8)


def retry_delay(attempts: int) -> timedelta:
    """After the n-th failed attempt: base * factor^(n-1) (30 s, 2 min, 8 min, 32 min,
    ~2 h, then the cap of 6 h), with +-20 % jitter so a recovering site is not hit
    by every queued delivery in the same second."""
    return send_schedule.backoff(
        attempts,
        base=_setting("RETRY_BASE_SECONDS", 30.0),
        factor=_setting("RETRY_FACTOR", 4.0),
        cap=_setting("RETRY_MAX_SECONDS", 6 * 3600.0),
    )


# --- sending (in a worker) ----------------------------------------------------------


def _claim(pk: int) -> WebhookDelivery | None:
    """Take the row if it is due, sendable, its endpoint active and no other worker
    holds it; counts the attempt. One UPDATE, so two tasks never both send."""
    if not send_schedule.claim(selectors.sendable_deliveries(), pk, lease()):
        return None
    return WebhookDelivery.objects.select_related("endpoint").get(pk=pk)


def delivery_attempt(*, delivery_pk: int) -> WebhookDelivery | None:
    """Send once if due. On failure schedule the next attempt, or give up after
    ``WEBHOOKS_MAX_ATTEMPTS``. No transaction is held during the request."""
    delivery = _claim(delivery_pk)
    if delivery is None:
        return None
    endpoint = delivery.endpoint
    result = send_signed(
        url=endpoint.url,
        secret=endpoint.secret,
        event=delivery.event,
        delivery_id=str(delivery.delivery_id),
        payload=delivery.payload,
    )
    now = timezone.now()
    delivery.last_attempt_at = now
    delivery.last_status_code = result.status_code
    delivery.response_excerpt = result.excerpt
    delivery.last_error = result.error
    delivery.locked_until = None
    if result.ok:
        delivery.status = DeliveryStatus.SUCCEEDED
        delivery.delivered_at = now
        delivery.next_attempt_at = None
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(consecutive_failures=0)
    else:
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
            consecutive_failures=F("consecutive_failures") + 1
        )
        _schedule_retry(delivery, now)
    delivery.save(
        update_fields=[
            "status",
            "attempts",
            "last_attempt_at",
            "last_status_code",
            "response_excerpt",
            "last_error",
            "locked_until",
            "next_attempt_at",
            "queued_for",
            "delivered_at",
        ]
    )
    return delivery


def _schedule_retry(delivery: WebhookDelivery, now) -> None:
    if delivery.attempts >= max_attempts():
        delivery.status = DeliveryStatus.ABANDONED
        delivery.next_attempt_at = None
        delivery.queued_for = None
        logger.warning(
            "Webhook %s abandoned after %d attempts: %s",
            delivery.delivery_id,
            delivery.attempts,
            delivery.last_error,
        )
        return
    delivery.status = DeliveryStatus.FAILED
    delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    delivery.queued_for = send_schedule.retry_task_at(delivery.next_attempt_at, now)


def deliveries_mark_due(*, limit: int = 500) -> list[int]:
    """The sweep's half in the database: due deliveries whose task is missing,
    marked as queued now. The caller queues their tasks."""
    requeue_after = timedelta(seconds=_setting("REQUEUE_AFTER_SECONDS", 120))
    ids = selectors.due_delivery_ids(requeue_after=requeue_after, limit=limit)
    if ids:
        WebhookDelivery.objects.filter(pk__in=ids).update(queued_for=timezone.now())
    return ids


def deliveries_prune() -> int:
    """Finished deliveries older than ``WEBHOOKS_RETENTION_DAYS`` (30) are removed."""
    cutoff = timezone.now() - timedelta(days=_setting("RETENTION_DAYS", 30))
    deleted, _ = (
        WebhookDelivery.objects.exclude(status__in=SENDABLE)
        .filter(created_at__lt=cutoff)
        .delete()
    )
    return deleted

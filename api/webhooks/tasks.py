"""Celery tasks of webhooks: thin wrappers around ``attempts``, and the only code
that queues them.

Retries are not Celery retries: the delivery row holds the schedule
(``next_attempt_at``), so a lost task or a Redis outage only delays a delivery until
the beat sweep queues it again.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.utils import timezone

from cms.live.publish import publish

from .attempts import deliveries_mark_due, deliveries_prune, delivery_attempt
from .models import DeliveryStatus

logger = logging.getLogger(__name__)
FAILURES = (DeliveryStatus.FAILED, DeliveryStatus.ABANDONED)


@shared_task(acks_late=True, ignore_result=True)
def deliver_webhook(delivery_pk: int) -> None:
    """Enqueued after the commit that recorded the delivery, and for each retry."""
    delivery = delivery_attempt(delivery_pk=delivery_pk)
    if delivery is not None and delivery.status in FAILURES:  # operations panel
        publish("ops", channels=["ops"])
    # A short retry gets its own task; longer ones wait for the sweep.
    if (
        delivery is not None
        and delivery.status == DeliveryStatus.FAILED
        and delivery.queued_for is not None
    ):
        countdown = (delivery.next_attempt_at - timezone.now()).total_seconds()
        enqueue_delivery(delivery.pk, countdown=max(countdown, 0))


@shared_task(acks_late=True, ignore_result=True)
def redeliver_due_webhooks() -> None:
    """Celery beat, every ``WEBHOOKS_SWEEP_SECONDS`` (10 s): queue due deliveries
    that have no task on its way (or whose worker died), and forget finished ones
    past their retention."""
    queued = deliveries_requeue_due()
    if queued:
        logger.info("Webhooks: %d due delivery(ies) queued by the sweep", queued)
    deliveries_prune()


def deliveries_requeue_due(*, limit: int = 500) -> int:
    """The sweep: queue every due delivery whose task is missing."""
    ids = deliveries_mark_due(limit=limit)
    enqueue_deliveries(ids)
    return len(ids)


def enqueue_delivery(delivery_pk: int, *, countdown: float | None = None) -> None:
    """Ask a worker to send. Never raises and never waits on a dead broker: the
    row is safe in the database and the sweep queues it again."""
    options = {"retry": False}
    if countdown:
        options["countdown"] = countdown
    queue = getattr(settings, "WEBHOOKS_QUEUE", None)
    if queue:  # a dedicated queue keeps slow sites from delaying other work
        options["queue"] = queue
    try:
        deliver_webhook.apply_async(args=[delivery_pk], **options)
    except Exception as exc:
        logger.warning("Webhook delivery %s not enqueued (%s)", delivery_pk, exc)


def enqueue_deliveries(delivery_pks) -> None:
    for pk in delivery_pks:
        enqueue_delivery(pk)

"""Writes of webhooks from the admin: redeliver by hand, rotate a secret, and the
sweep. Attempts are in ``attempts`` (run by ``tasks``); recording events in
``events``."""

import uuid
from functools import partial

from django.db import transaction
from django.utils import timezone

from .models import WebhookDelivery, WebhookEndpoint, new_secret
from .tasks import deliveries_requeue_due, enqueue_deliveries

__all__ = ["deliveries_requeue_due", "delivery_redeliver", "endpoint_rotate_secret"]

# --- admin actions -------------------------------------------------------------------


@transaction.atomic
def delivery_redeliver(*, delivery: WebhookDelivery) -> WebhookDelivery:
    """ "Kirim ulang": a new delivery of the same event (new delivery id, so a site
    that de-duplicates by id processes it again), with a fresh retry schedule."""
    now = timezone.now()
    delivery_id = uuid.uuid4()
    copy = WebhookDelivery.objects.create(
        endpoint=delivery.endpoint,
        delivery_id=delivery_id,
        event=delivery.event,
        page_id=delivery.page_id,
        report_id=delivery.report_id,
        payload={**delivery.payload, "id": str(delivery_id)},
        next_attempt_at=now,
        queued_for=now,
        redelivery_of=delivery,
    )
    transaction.on_commit(partial(enqueue_deliveries, [copy.pk]), robust=True)
    return copy


def endpoint_rotate_secret(*, endpoint: WebhookEndpoint) -> WebhookEndpoint:
    """A new secret at once. Deliveries are signed when sent, so retries after the
    site has the new secret verify again."""
    endpoint.secret = new_secret()
    endpoint.save(update_fields=["secret", "updated_at"])
    return endpoint

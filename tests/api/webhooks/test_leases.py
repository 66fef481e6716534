"""A worker killed while sending a webhook (issue #11, case 5): its claim is a short
lease, and the sweep sends the delivery again as soon as the lease runs out, even
though its task was queued only moments ago."""

import uuid
from datetime import timedelta

import pytest
import redis
from django.utils import timezone

from api.webhooks import attempts
from api.webhooks.models import DeliveryStatus, WebhookDelivery
from api.webhooks.services import deliveries_requeue_due
from cms.celery import app
from tests.factories import add_item

pytestmark = pytest.mark.django_db

CATCH_UP_SECONDS = 30  # the bound for a dead worker's claims


@pytest.fixture
def queued_nowhere(settings):
    """Tasks are queued to Redis on a queue no worker consumes."""
    settings.WEBHOOKS_QUEUE = f"test-webhooks-nowhere-{uuid.uuid4().hex[:8]}"
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete(settings.WEBHOOKS_QUEUE)


def test_a_killed_workers_delivery_is_sent_again_after_its_lease(
    opds, receiver, make_endpoint, committed, queued_nowhere, settings
):
    settings.WEBHOOKS_REQUEUE_AFTER_SECONDS = 120  # the production default
    make_endpoint(opds["bpbd"], receiver.url)
    with committed():
        add_item(opds["bpbd"], "Peringatan Dini Cuaca")  # its task is queued now
    delivery = WebhookDelivery.objects.get()
    assert attempts._claim(delivery.pk) is not None  # a worker claims it... killed
    app.conf.task_always_eager = True  # a live worker from here on
    assert deliveries_requeue_due() == 0  # leased: nobody else sends it meanwhile

    delivery.refresh_from_db()
    held = (delivery.locked_until - timezone.now()).total_seconds()
    assert 0 < held <= attempts.lease().total_seconds()
    sweep = settings.CELERY_BEAT_SCHEDULE["webhooks-redeliver-due"]["schedule"]
    assert attempts.lease().total_seconds() + sweep <= CATCH_UP_SECONDS

    # The lease runs out (its task was queued well under REQUEUE_AFTER ago).
    WebhookDelivery.objects.update(
        locked_until=timezone.now() - timedelta(seconds=1),
        queued_for=timezone.now() - attempts.lease(),
    )
    assert deliveries_requeue_due() == 1
    assert receiver.events() == ["content.published"]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED


def test_the_lease_outlasts_one_send(settings):
    settings.WEBHOOKS_CONNECT_TIMEOUT = 10.0
    settings.WEBHOOKS_READ_TIMEOUT = 10.0
    assert attempts.lease().total_seconds() > 2 * (10 + 10)
    assert settings.WEBHOOKS_LEASE_SECONDS <= 20

"""Failures are retried with growing delays until success or abandonment; the
outbox survives a rolled-back publish, a lost task and an unreachable site, and
publishing never waits for a site."""

import time
import uuid

import pytest
import redis
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from api.webhooks.models import DeliveryStatus, WebhookDelivery
from api.webhooks.services import deliveries_requeue_due
from api.webhooks.signing import verify_signature
from api.webhooks.tasks import deliver_webhook
from cms.celery import app
from tests.factories import add_item

pytestmark = pytest.mark.django_db


def settle(delivery, *, limit=10):
    """Run the beat sweep whenever the delivery is due, until it is finished;
    returns each failed attempt's delay before the next one (seconds)."""
    delays = []
    for _ in range(limit):
        delivery.refresh_from_db()
        if delivery.status not in (DeliveryStatus.PENDING, DeliveryStatus.FAILED):
            return delays
        delays.append(
            (delivery.next_attempt_at - delivery.last_attempt_at).total_seconds()
        )
        time.sleep(max((delivery.next_attempt_at - timezone.now()).total_seconds(), 0))
        deliveries_requeue_due()
    raise AssertionError("delivery did not settle")


@pytest.fixture
def not_eager():
    """Tasks really go to Redis (the test settings run them eagerly otherwise)."""
    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


@pytest.fixture
def private_queue(settings):
    """A queue no worker consumes, removed afterwards."""
    settings.WEBHOOKS_QUEUE = f"h3-test-webhooks-{uuid.uuid4().hex[:8]}"
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    yield client
    client.delete(settings.WEBHOOKS_QUEUE)


def test_failure_then_success_is_retried_with_growing_delays(
    opds, receiver, make_endpoint, committed
):
    endpoint = make_endpoint(opds["dinkes"], receiver.url)
    receiver.responses = [500, 503, 502]
    with committed():
        add_item(opds["dinkes"], "Jadwal Posyandu")
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.last_status_code == 500

    delays = settle(delivery)

    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert delivery.attempts == 4
    assert len(receiver.requests) == 4
    # 0.05 s, 0.2 s, 0.8 s (x4 each time, +-20 % jitter)
    assert delays[0] < delays[1] < delays[2]
    assert 0.04 <= delays[0] <= 0.06 and 0.64 <= delays[2] <= 0.96
    # Every attempt is the same delivery, signed afresh with the current secret.
    assert {r.json["id"] for r in receiver.requests} == {str(delivery.delivery_id)}
    for request in receiver.requests:
        header = request.headers["X-Sipanganten-Signature"]
        assert verify_signature(endpoint.secret, header, request.body)
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0


def test_a_site_that_keeps_failing_is_abandoned(
    opds, receiver, make_endpoint, committed
):
    endpoint = make_endpoint(opds["bpbd"], receiver.url)
    receiver.default = 500
    with committed():
        add_item(opds["bpbd"], "Siaga Banjir")
    delivery = WebhookDelivery.objects.get()
    settle(delivery)
    assert delivery.status == DeliveryStatus.ABANDONED
    assert delivery.attempts == settings.WEBHOOKS_MAX_ATTEMPTS == 4
    assert delivery.next_attempt_at is None
    assert delivery.last_error == "HTTP 500"
    assert 0 < len(delivery.response_excerpt) <= 1000  # the site sent 2,600 bytes
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 4
    deliveries_requeue_due()
    assert len(receiver.requests) == 4  # nothing more is sent


def test_rolled_back_publish_sends_nothing(opds, receiver, make_endpoint, committed):
    make_endpoint(opds["dinkes"], receiver.url)
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        add_item(opds["dinkes"], "Dibatalkan")
        assert WebhookDelivery.objects.count() == 1  # written in the transaction
        raise RuntimeError("publish failed")
    assert not WebhookDelivery.objects.exists()
    assert receiver.requests == []


def test_publishing_never_waits_for_the_site(
    opds, black_hole, make_endpoint, committed, not_eager, private_queue, settings
):
    # A site that accepts connections and never answers, with the real timeouts.
    settings.WEBHOOKS_READ_TIMEOUT = 5.0
    make_endpoint(opds["dinkes"], black_hole.url)
    with committed():
        add_item(opds["dinkes"], "Cepat Terbit")
    assert black_hole.connections() == 0  # no HTTP inside the publish

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING
    assert delivery.attempts == 0
    assert private_queue.llen(settings.WEBHOOKS_QUEUE) == 1  # waiting for a worker

    # The worker's side: the attempt gives up after the read timeout.
    settings.WEBHOOKS_READ_TIMEOUT = 0.5
    deliver_webhook.apply(args=[delivery.pk])
    assert black_hole.connections() == 1  # the worker did try, and gave up
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.FAILED
    assert delivery.attempts == 1
    assert "Timeout" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now() - timezone.timedelta(seconds=1)


def test_a_lost_task_is_sent_by_the_sweep(
    opds, receiver, make_endpoint, committed, not_eager, private_queue
):
    make_endpoint(opds["bpbd"], receiver.url)
    with committed():
        add_item(opds["bpbd"], "Antrean Hilang")  # its task waits in a dead queue
    assert receiver.requests == []
    app.conf.task_always_eager = True  # a worker is back
    assert deliveries_requeue_due() == 1
    assert receiver.events() == ["content.published"]
    assert WebhookDelivery.objects.get().status == DeliveryStatus.SUCCEEDED
    assert deliveries_requeue_due() == 0


def test_an_unreachable_broker_does_not_fail_the_publish(
    opds, receiver, make_endpoint, committed, not_eager
):
    make_endpoint(opds["dinkes"], receiver.url)
    broker = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:1/0"  # nothing listens there
    app._pool = None
    try:
        with committed():
            page = add_item(opds["dinkes"], "Redis Mati")
    finally:
        app.conf.broker_url = broker
        app._pool = None
    assert page.live
    assert WebhookDelivery.objects.get().status == DeliveryStatus.PENDING
    app.conf.task_always_eager = True
    deliveries_requeue_due()
    assert receiver.events() == ["content.published"]

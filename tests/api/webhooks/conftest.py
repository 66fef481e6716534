"""Fixtures of the webhook suite: loopback HTTP allowed, tiny retry delays, a real
receiver, endpoints, and pages published with their commit callbacks run."""

import pytest

from api.webhooks.models import WebhookEndpoint

from .receiver import BlackHole, Receiver


@pytest.fixture(autouse=True)
def webhook_settings(settings):
    settings.WEBHOOKS_ALLOW_HTTP = True
    settings.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = True  # the receiver is on loopback
    settings.WEBHOOKS_RETRY_BASE_SECONDS = 0.05
    settings.WEBHOOKS_RETRY_FACTOR = 4
    settings.WEBHOOKS_MAX_ATTEMPTS = 4
    settings.WEBHOOKS_REQUEUE_AFTER_SECONDS = 0
    settings.WEBHOOKS_CONNECT_TIMEOUT = 0.5
    settings.WEBHOOKS_READ_TIMEOUT = 0.5
    return settings


@pytest.fixture
def receiver():
    server = Receiver().start()
    yield server
    server.stop()


@pytest.fixture
def black_hole():
    hole = BlackHole()
    yield hole
    hole.stop()


@pytest.fixture
def make_endpoint(db):
    def make(opd, url, **fields):
        return WebhookEndpoint.objects.create(
            opd=opd, name=fields.pop("name", f"Situs {opd.slug}"), url=url, **fields
        )

    return make


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...`` runs the after-commit callbacks (the enqueues, eager
    in tests) at the end of the block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)

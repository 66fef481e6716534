"""Issue 11, item 3: a liveness endpoint that touches no dependency and a
readiness endpoint that reports each one and fails (503) only when the app
cannot serve. Database down is in test_database_down.py."""

from datetime import timedelta

import pytest
from django.utils import timezone

from api.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from search.indexing.models import SearchOutbox

pytestmark = pytest.mark.django_db

TOKEN = "uji-token-kesehatan-yang-panjang"
CHECKS = {"database", "cache", "elasticsearch", "storage", "search_outbox", "webhooks"}


@pytest.fixture
def token(settings):
    settings.HEALTH_TOKEN = TOKEN
    return {"HTTP_AUTHORIZATION": f"Bearer {TOKEN}"}


def report(client, token):
    response = client.get("/healthz/ready", **token)
    assert "no-store" in response["Cache-Control"]
    return response.status_code, response.json()


def test_liveness_reads_nothing(client, django_assert_num_queries, use_cache):
    use_cache("redis://127.0.0.1:9/0")  # nothing listens: a dependency down
    with django_assert_num_queries(0):
        for url in ("/healthz", "/healthz/live"):
            response = client.get(url)
            assert response.status_code == 200
            assert response.json() == {"status": "ok"}
            assert "no-store" in response["Cache-Control"]


def test_everything_up_is_ready_with_a_report_per_dependency(client, token):
    status, body = report(client, token)
    assert status == 200 and body["status"] == "ok"
    assert set(body["checks"]) == CHECKS
    for name, check in body["checks"].items():
        assert check["status"] == "ok", (name, check)
        assert check["latency_ms"] >= 0
    assert body["checks"]["database"]["critical"] is True
    assert body["checks"]["search_outbox"]["pending"] == 0


def test_anonymous_callers_get_the_status_only(client, settings):
    settings.HEALTH_TOKEN = TOKEN
    for headers in ({}, {"HTTP_AUTHORIZATION": "Bearer salah"}):
        response = client.get("/healthz/ready", **headers)
        assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_staff_see_the_report(client, admin_user):
    client.force_login(admin_user)
    assert set(client.get("/healthz/ready").json()["checks"]) == CHECKS


def test_redis_and_elasticsearch_down_is_degraded_but_ready(
    client, token, use_cache, settings
):
    use_cache("redis://127.0.0.1:9/0")
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    status, body = report(client, token)
    assert status == 200 and body["status"] == "degraded"
    assert body["checks"]["cache"]["status"] == "down"
    assert "ConnectionError" in body["checks"]["cache"]["error"]
    assert body["checks"]["elasticsearch"]["status"] == "down"
    assert body["checks"]["database"]["status"] == "ok"


def test_storage_down_is_degraded(client, token, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            **settings.STORAGES["default"],
            "OPTIONS": {
                **settings.STORAGES["default"]["OPTIONS"],
                "endpoint_url": "http://127.0.0.1:9",
            },
        },
    }
    status, body = report(client, token)
    assert status == 200 and body["status"] == "degraded"
    assert body["checks"]["storage"]["status"] == "down"


def test_a_stuck_outbox_and_failing_webhooks_are_reported(client, token, opds):
    SearchOutbox.objects.create(
        object_key="page:999999", version=1, available_at=timezone.now()
    )
    SearchOutbox.objects.update(created_at=timezone.now() - timedelta(hours=1))
    endpoint = WebhookEndpoint.objects.create(
        opd=opds["dinkes"], name="Situs Dinkes", url="https://dinkes.example/hook"
    )
    WebhookDelivery.objects.create(
        endpoint=endpoint,
        event="content.published",
        page_id=1,
        payload={},
        status=DeliveryStatus.FAILED,
    )
    status, body = report(client, token)
    assert status == 200 and body["status"] == "degraded"
    outbox = body["checks"]["search_outbox"]
    assert outbox["status"] == "degraded" and outbox["pending"] == 1
    assert outbox["oldest_age_seconds"] >= 3600
    webhooks = body["checks"]["webhooks"]
    assert webhooks["status"] == "degraded" and webhooks["failing"] == 1

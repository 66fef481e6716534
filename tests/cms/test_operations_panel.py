"""The operations panel on the admin dashboard: superusers and the province team see
the search outbox, webhook failures and the worker, and a broken source shows as
one unreadable row instead of breaking the dashboard."""

import json
import re
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.urls import reverse
from wagtail import hooks

from api.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from cms.celery import app
from cms.core.cache_client import redis_client
from cms.core.operations import facts_provider
from cms.core.worker_status import CACHE_KEY, worker_replies
from cms.live.log import stream_key
from search.indexing.models import SearchOutbox
from search.indexing.outbox import outbox_record
from search.tasks import drain_search_outbox
from tests.api.webhooks.receiver import Receiver
from tests.factories import UserFactory, add_item
from tests.services.test_celery_worker import worker  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

PANEL_HEADING = "Operasi sistem"


@pytest.fixture
def fragment_url():
    return reverse("operations_panel")


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def _ops_events() -> int:
    """Live events for the operations panel in the shared log (cms/live)."""
    entries = redis_client().xrange(stream_key())
    return sum(json.loads(fields[b"m"])["topic"] == "ops" for _id, fields in entries)


def _rows(html: str) -> dict[str, str]:
    """Row label -> the row's text (tags stripped), for the panel's table."""
    panel = html[html.index('id="operations-section"') :]
    rows = re.findall(r"<tr data-operations-state[^>]*>(.*?)</tr>", panel, re.S)
    result = {}
    for row in rows:
        cells = [
            _text(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        result[cells[0]] = " | ".join(cells[1:])
    return result


@pytest.mark.parametrize("who", ["superuser", "province"])
def test_admins_see_pending_search_changes_and_their_age(
    client, opds, who, fragment_url
):
    page = add_item(opds["dinkes"], "Jadwal Vaksinasi")
    outbox_record([page.pk])  # pending: the drain runs after a commit only
    user = (
        UserFactory(superuser=True)
        if who == "superuser"
        else UserFactory(role="province")
    )
    client.force_login(user)

    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    html = dashboard.content.decode()
    assert PANEL_HEADING in html
    row = _rows(html)["Antrean sinkronisasi pencarian"]
    assert "Baik" in row
    assert "1 perubahan menunggu, tertua 0 menit" in row

    # The live refetch gets the same panel, with the attributes live.js needs.
    fragment = client.get(fragment_url)
    assert fragment.status_code == 200
    body = fragment.content.decode().strip()
    assert body.startswith("<section")
    assert f'data-live-src="{fragment_url}"' in body
    assert 'data-live-topics="ops"' in body and 'data-live-interval="30"' in body
    assert "1 perubahan menunggu" in body


def test_an_old_backlog_asks_for_attention(client, opds, settings):
    settings.HEALTH_OUTBOX_MAX_AGE_SECONDS = 60
    page = add_item(opds["dinkes"], "Tertahan")
    outbox_record([page.pk])
    SearchOutbox.objects.update(
        created_at=SearchOutbox.objects.get().created_at.replace(year=2020),
        attempts=2,
        last_error="ConnectionError: ES mati",
    )
    client.force_login(UserFactory(superuser=True))
    rows = _rows(client.get(reverse("wagtailadmin_home")).content.decode())
    assert rows["Antrean sinkronisasi pencarian"].startswith("Galat")
    failing = rows["Sinkronisasi pencarian yang gagal"]
    assert "Perhatian" in failing and "ES mati" in failing


def test_a_failed_webhook_delivery_shows_up(
    client, opds, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOKS_ALLOW_HTTP = True
    settings.WEBHOOKS_ALLOW_PRIVATE_NETWORKS = True  # the receiver is on loopback
    settings.ELASTICSEARCH_URL = ""  # no search drain event in this test
    receiver = Receiver().start()
    events_before = _ops_events()
    try:
        receiver.default = 500
        WebhookEndpoint.objects.create(
            opd=opds["dinkes"], name="Situs Dinkes", url=receiver.url
        )
        with django_capture_on_commit_callbacks(execute=True):  # eager delivery
            add_item(opds["dinkes"], "Rilis Dinkes")
    finally:
        receiver.stop()
    assert WebhookDelivery.objects.get().status == DeliveryStatus.FAILED
    assert _ops_events() == events_before + 1  # open panels refetch themselves

    client.force_login(UserFactory(role="province"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    rows = _rows(html)
    # Counts for the province team; the delivery list is for who manages webhooks.
    assert reverse("api_webhooks:deliveries") not in html
    failed = rows["Kiriman webhook gagal, menunggu percobaan ulang"]
    assert failed.startswith("Perhatian | 1")
    assert "1 endpoint gagal beruntun" in failed
    assert rows["Kiriman webhook dihentikan (24 jam terakhir)"] == "Baik | 0"
    client.force_login(UserFactory(superuser=True))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"{reverse('api_webhooks:deliveries')}?status=failed" in html


def test_a_failed_search_batch_refreshes_open_panels(
    client, opds, settings, django_capture_on_commit_callbacks
):
    outbox_record([add_item(opds["dinkes"], "Saat ES mati").pk])
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens: refused
    events_before = _ops_events()
    with django_capture_on_commit_callbacks(execute=True):
        drain_search_outbox()
    assert _ops_events() == events_before + 1

    client.force_login(UserFactory(role="province"))
    rows = _rows(client.get(reverse("wagtailadmin_home")).content.decode())
    failing = rows["Sinkronisasi pencarian yang gagal"]
    assert failing.startswith("Perhatian | 1 perubahan gagal, dicoba lagi otomatis")
    assert "ConnectionError" in failing


def test_opd_editor_sees_no_panel_and_no_fragment(client, opds, fragment_url):
    outbox_record([add_item(opds["dinkes"], "Rahasia Operasi").pk])
    client.force_login(UserFactory(opd=opds["dinkes"], role="editor"))
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert PANEL_HEADING not in dashboard.content.decode()
    assert client.get(fragment_url).status_code in {403, 404}
    client.logout()
    assert client.get(fragment_url).status_code == 302  # to the admin login


def test_a_broken_source_is_one_unreadable_row(client, opds, fragment_url):
    @facts_provider("Sumber rusak")
    def broken(request):
        with connection.cursor() as cursor:  # aborts the transaction it runs in
            cursor.execute("SELECT * FROM no_such_operations_table")
        return []

    client.force_login(UserFactory(superuser=True))
    with hooks.register_temporarily("register_operations_facts", broken):
        dashboard = client.get(reverse("wagtailadmin_home"))
        fragment = client.get(fragment_url)
    assert dashboard.status_code == 200 and fragment.status_code == 200
    rows = _rows(dashboard.content.decode())
    assert rows["Sumber rusak"].startswith("Galat | tidak dapat dibaca")
    # The other sources still answer, read after the failed query.
    assert "Antrean sinkronisasi pencarian" in rows
    assert "Endpoint webhook nonaktif" in rows
    assert "Keadaan keseluruhan: Galat" in _text(dashboard.content.decode())


def test_eager_tasks_are_not_reported_as_a_dead_worker(client):
    client.force_login(UserFactory(superuser=True))
    rows = _rows(client.get(reverse("wagtailadmin_home")).content.decode())
    assert rows["Worker tugas latar (Celery)"] == (
        "Baik | Tidak dipakai: tugas dijalankan langsung (mode lokal)"
    )


@pytest.fixture
def not_eager():
    """Tasks really go to Redis (the test settings run them eagerly otherwise)."""
    app.conf.task_always_eager = False
    cache.delete(CACHE_KEY)
    yield
    app.conf.task_always_eager = True
    cache.delete(CACHE_KEY)


def test_no_worker_is_an_error(client, not_eager):
    client.force_login(UserFactory(superuser=True))
    rows = _rows(client.get(reverse("wagtailadmin_home")).content.decode())
    assert rows["Worker tugas latar (Celery)"].startswith(
        "Galat | Tidak ada worker yang menjawab"
    )


@pytest.mark.worker
def test_a_running_worker_answers(client, not_eager, worker):  # noqa: F811
    deadline = time.monotonic() + 60  # the worker takes a moment to start
    while not worker_replies() and time.monotonic() < deadline:
        cache.delete(CACHE_KEY)
        time.sleep(0.5)
    client.force_login(UserFactory(superuser=True))
    rows = _rows(client.get(reverse("wagtailadmin_home")).content.decode())
    assert rows["Worker tugas latar (Celery)"].startswith("Baik | Menjawab: test-")

"""The outbox: nothing is lost when Elasticsearch or Redis is down, an older write
never replaces a newer one, and a change that arrives during a drain is kept."""

import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.utils import timezone

from search.client import _client
from search.documents import alias_name
from search.indexing import outbox as outbox_module
from search.indexing.bulk import bulk_write
from search.indexing.keys import page_key
from search.indexing.models import IndexedState, SearchOutbox
from search.indexing.outbox import outbox_drain, outbox_record
from search.indexing.source import desired_states
from tests.factories import add_dip_entry, add_item

from .helpers import drain, indexed

pytestmark = pytest.mark.django_db

DEAD_URL = "http://127.0.0.1:9"  # discard port: connection refused at once


def test_es_down_at_publish_then_recovers(
    opds, settings, django_capture_on_commit_callbacks
):
    real_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = DEAD_URL
    _client.cache_clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = add_item(opds["bpbd"], "Gempa Bumi Pandeglang")  # publish succeeds
    row = SearchOutbox.objects.get(object_key=page_key(page.pk))
    assert row.attempts == 1
    assert "Connection" in row.last_error
    assert row.available_at > timezone.now()  # backed off, not hammering
    settings.ELASTICSEARCH_URL = real_url
    _client.cache_clear()
    assert outbox_drain().claimed == 0  # still backing off
    SearchOutbox.objects.update(available_at=timezone.now())
    drain()
    assert indexed(page)["title"] == "Gempa Bumi Pandeglang"
    assert not SearchOutbox.objects.exists()


def test_one_drain_per_transaction(opds, django_capture_on_commit_callbacks):
    from search.tasks import enqueue_drain

    with django_capture_on_commit_callbacks() as callbacks:
        for n in range(5):
            add_item(opds["dinkes"], f"Massal {n}")
    assert SearchOutbox.objects.count() == 5
    assert [c for c in callbacks if c is enqueue_drain] == [enqueue_drain]


def test_backoff_grows_and_is_capped():
    delays = [outbox_module.backoff(n).total_seconds() for n in (1, 2, 3, 30)]
    assert delays[0] < delays[1] < delays[2] <= delays[3] == 15 * 60


def test_stale_version_never_overwrites(opds, es):
    from search.index_management import ensure_index

    ensure_index(es)
    key = "page:999999"
    outcome = bulk_write(es, [alias_name()], [(key, 2, {"title": "versi dua"})])
    assert outcome.ok == {key}
    late = bulk_write(es, [alias_name()], [(key, 1, {"title": "versi satu"})])
    assert late.ok == {key} and not late.failed  # 409: already newer = done
    stale_delete = bulk_write(es, [alias_name()], [(key, 1, None)])
    assert stale_delete.ok == {key}
    assert es.get(index=alias_name(), id=key)["_source"]["title"] == "versi dua"


def test_large_batches_are_split(opds, monkeypatch):
    from search.indexing import bulk

    monkeypatch.setattr(bulk, "MAX_REQUEST_CHARS", 1)  # one document per request
    pages = [add_item(opds["dinkes"], f"Berita {n}") for n in range(3)]
    assert drain().done == 3
    assert all(indexed(page) for page in pages)


def test_versions_only_increase(opds):
    page = add_item(opds["diskominfo"], "Monoton")
    key = page_key(page.pk)
    first = SearchOutbox.objects.get(object_key=key).version
    outbox_record([page.pk])
    assert SearchOutbox.objects.get(object_key=key).version > first
    drain()
    # A new change must beat what the index holds, even with a clock behind it.
    IndexedState.objects.filter(object_key=key).update(version=10**17)
    outbox_record([page.pk])
    assert SearchOutbox.objects.get(object_key=key).version == 10**17 + 1


def test_change_during_drain_is_kept(opds, monkeypatch):
    page = add_item(opds["diskominfo"], "Judul Lama")
    real = outbox_module.desired_states

    def concurrent_publish(ids):
        states = real(ids)  # the drain has read the old state...
        page.title = "Judul Baru"  # ...when an editor publishes again
        page.save_revision().publish()
        return states

    monkeypatch.setattr(outbox_module, "desired_states", concurrent_publish)
    report = drain()
    assert report.kept == 1
    row = SearchOutbox.objects.get(object_key=page_key(page.pk))
    assert row.available_at <= timezone.now()  # due at once, not leased
    monkeypatch.setattr(outbox_module, "desired_states", real)
    drain()
    assert indexed(page)["title"] == "Judul Baru"
    assert not SearchOutbox.objects.exists()


def test_broken_page_fails_alone(opds, monkeypatch):
    good = add_item(opds["diskominfo"], "Baik")
    bad = add_item(opds["dinkes"], "Rusak")
    from search.indexing import builders

    real = builders._kind_fields

    def explode(page, context):
        if page.pk == bad.pk:
            raise ValueError("bad block")
        return real(page, context)

    monkeypatch.setattr(builders, "_kind_fields", explode)
    report = drain()
    assert (report.done, report.failed) == (1, 1)
    assert indexed(good)
    row = SearchOutbox.objects.get(object_key=page_key(bad.pk))
    assert "bad block" in row.last_error and row.attempts == 1


def test_embedded_default_records_but_does_not_drain(
    opds, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = ""
    with django_capture_on_commit_callbacks(execute=True):
        page = add_item(opds["diskominfo"], "Tanpa Elasticsearch")
    assert outbox_drain().claimed == 0
    row = SearchOutbox.objects.get(object_key=page_key(page.pk))
    assert row.attempts == 0 and row.last_error == ""


def test_first_drain_creates_index_behind_alias(opds, es):
    add_item(opds["diskominfo"], "Pertama")
    assert not es.indices.exists_alias(name=alias_name())
    drain()
    (index,) = es.indices.get_alias(name=alias_name())
    assert index.startswith(f"{alias_name()}-")


def test_drain_reads_a_batch_in_constant_queries(opds, django_assert_max_num_queries):
    pages = [add_item(opds["diskominfo"], f"Rilis {n}") for n in range(3)]
    pages += [add_dip_entry(opds["dinkes"], f"DIP {n}") for n in range(3)]
    with django_assert_max_num_queries(40) as few:
        desired_states([p.pk for p in pages])
    pages += [add_item(opds["bpbd"], f"Lagi {n}") for n in range(12)]
    pages += [add_dip_entry(opds["bpbd"], f"DIP lagi {n}") for n in range(12)]
    with django_assert_max_num_queries(len(few.captured_queries)):
        states = desired_states([p.pk for p in pages])
    assert all(state.document for state in states.values())


def test_enqueue_with_redis_down_returns():
    """The settings keep a publish from hanging on a dead broker (a real process:
    the test settings run tasks eagerly)."""
    code = (
        "import django; django.setup(); from search.tasks import enqueue_drain;"
        "enqueue_drain(); print('returned')"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.base",
        "CELERY_BROKER_URL": "redis://127.0.0.1:9/1",
        "CELERY_TASK_ALWAYS_EAGER": "false",
    }
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr.decode()
    # It returns (the timeout above only guards against a hang) and says why.
    assert done.stdout.decode().strip().splitlines()[-1] == "returned"
    assert b"drain not enqueued" in done.stderr


def test_old_rows_wait_for_their_backoff(opds):
    page = add_item(opds["diskominfo"], "Nanti")
    later = timezone.now() + timedelta(minutes=5)
    SearchOutbox.objects.update(available_at=later)
    assert outbox_drain().claimed == 0
    assert indexed(page) is None

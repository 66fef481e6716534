"""PostgreSQL restarted (about 4 s) under ~20 requests/s: no 500, a 503 with
Retry-After (JSON under /api/, a friendly page on the portal) while it is away, and
the same gunicorn serving normally again afterwards."""

import json
import time
import uuid

import psycopg
import pytest
import requests

from .harness import wait_until
from .load import Load, server_errors

pytestmark = [pytest.mark.faults, pytest.mark.worker]


def load_paths(faults, items: list[dict]) -> list[str]:
    paths = ["/", faults.site["opd_url"], "/cari/?q=kabar", "/api/v1/search/?q=kabar"]
    for n, item in enumerate(items):
        paths += [
            item["url"],
            f"/api/v1/content/{item['id']}/",
            f"/api/v1/content/?page_size={n + 1}",  # distinct cache keys: real reads
        ]
    return paths


def test_postgres_restart_under_load(healthy):
    faults = healthy
    items = faults.ops.call("publish", marker=f"pg{uuid.uuid4().hex[:8]}", count=5)
    paths = load_paths(faults, items)
    gunicorn = faults.procs["web"].pid
    with Load(faults.base_url, paths, rate=20) as load:
        time.sleep(2)
        faults.stop_service("pg")
        with pytest.raises(psycopg.OperationalError):  # the outage is real
            faults.sql("SELECT 1")
        time.sleep(4)
        faults.start_service("pg")
        wait_until(
            lambda: all(
                requests.get(faults.base_url + p, timeout=15).status_code == 200
                for p in paths
            ),
            60,
            step=0.5,
            what="every page answering 200 again",
        )
        time.sleep(2)
    answers = load.answers
    assert len(answers) > 100
    failures = server_errors(answers)
    assert not failures, [(a.path, a.status, a.body[:200]) for a in failures[:10]]
    for answer in answers:
        if answer.status != 503:
            continue
        assert answer.retry_after, answer
        if answer.path.startswith("/api/"):
            assert answer.content_type.startswith("application/json"), answer
            assert json.loads(answer.body)["error"]["status"] == 503
        else:
            assert answer.content_type.startswith("text/html"), answer
    assert faults.procs["web"].pid == gunicorn
    assert faults.procs["web"].poll() is None  # recovered without a restart

"""The issue's two-browser scenario (``scenario.py``) on ``make run``'s own setup:
uvicorn serving the development settings on the embedded defaults (SQLite, no
Redis: the live events stay in the one process, eager Celery), started the way
the Makefile starts it. The production setup runs the same scenario in
tests/faults/test_5_live_admin.py."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from playwright.sync_api import sync_playwright

from tests.browser.conftest import SCREENSHOTS, chromium_path

from . import scenario
from .proxy import Relay

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ("CACHE_URL", "REDIS_URL", "CELERY_", "ELASTICSEARCH_URL", "AWS_")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def make_run_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("make-run")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(SERVICES)},
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "PYTHONUNBUFFERED": "1",
    }
    for args in (["manage.py", "migrate", "--noinput", "-v0"],):
        done = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-3000:]
    prepared = subprocess.run(
        [sys.executable, "-m", "tests.live.prepare_site"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert prepared.returncode == 0, prepared.stderr[-3000:]
    site = json.loads(prepared.stdout.strip().splitlines()[-1])
    port = _free_port()
    log = open(folder / "server.log", "wb")  # noqa: SIM115
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "cms.asgi:application", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(f"{base}/healthz", timeout=2).ok:
                break
        except requests.ConnectionError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            log.close()
            pytest.fail((folder / "server.log").read_text()[-3000:])
        time.sleep(0.3)
    yield base, port, site
    server.terminate()
    server.wait(timeout=30)
    log.close()


def test_two_browsers_on_make_run(make_run_site):
    base, port, site = make_run_site
    relay = Relay(port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path())
            try:
                scenario.run(
                    browser,
                    base,
                    site,
                    editor_base=f"http://127.0.0.1:{relay.port}",
                    relay=relay,
                    shots=SCREENSHOTS / "live" / "make-run",
                )
            finally:
                browser.close()
    finally:
        relay.close()

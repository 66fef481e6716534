"""The issue's two-browser scenario (``scenario.py``) on ``make run``'s own setup:
uvicorn serving the development settings on the embedded defaults (SQLite, no
Redis: the live events stay in the one process, eager Celery), started the way
the Makefile starts it. The production setup runs the same scenario in
tests/faults/test_5_live_admin.py."""

import socket
import subprocess
import sys
import time

import pytest
import requests

from tests.embedded.child import ROOT, embedded_env, run_python

from . import scenario


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def make_run_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("make-run")
    env = {**embedded_env(folder), "PYTHONUNBUFFERED": "1"}
    run_python(env, "manage.py", "migrate", "--noinput", "-v0")
    site = scenario.prepare(env)
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
    scenario.run_in_chromium(base, port, site, shots="make-run")

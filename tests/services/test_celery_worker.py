"""A task really crosses Redis to a separate worker process and back."""

import os
import subprocess
import sys
import uuid

import pytest

from cms.celery import app
from cms.core.tasks import ping


@pytest.fixture
def worker(tmp_path):
    # A file rather than a pipe, so a chatty worker can never block on output.
    log = open(tmp_path / "worker.log", "w+b")  # noqa: SIM115
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    hostname = f"test-{uuid.uuid4().hex[:6]}@%h"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "cms",
            "worker",
            "--pool=solo",
            "-Q",
            "sipanganten",
            "-n",
            hostname,
            "--loglevel=WARNING",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    yield process
    process.terminate()
    process.wait(timeout=30)
    log.close()


@pytest.mark.worker
def test_task_runs_in_a_real_worker(worker):
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False  # the test settings run tasks eagerly elsewhere
    try:
        result = ping.apply_async(args=["banten"])
        assert result.get(timeout=60) == "pong:banten"
    except Exception:
        worker.log.seek(0)
        print(worker.log.read().decode(errors="replace")[-3000:])
        raise
    finally:
        app.conf.task_always_eager = eager
    assert result.successful()

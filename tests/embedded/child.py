"""Child processes of the tests: ``python ...`` from the repository's root, and the
environment of ``make run``'s embedded default for them."""

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Every service's variable: without them the settings fall back to the embedded
# default (a local-memory cache, eager Celery, the database's search, local files).
# REDIS_URL alone would bring back Redis as cache and Celery broker.
SERVICES = ("CACHE_URL", "REDIS_URL", "CELERY_", "ELASTICSEARCH_URL", "AWS_")


def embedded_env(folder: Path) -> dict:
    """``make run``'s setup: the development settings, the SQLite database and the
    media files in ``folder``, no service."""
    return {
        **{k: v for k, v in os.environ.items() if not k.startswith(SERVICES)},
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'embedded.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
    }


def run_python(env: dict, *args: str, timeout: float = 600) -> str:
    """``python *args``; a non-zero exit fails the test with the output's tail.
    Returns what it printed."""
    done = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return done.stdout


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def served(env: dict, folder: Path, port: int):
    """``make run``'s server (uvicorn on ``cms.asgi``) on ``port`` until the block
    ends; yields its base URL once ``/healthz`` answers (the log's tail if not)."""
    import time

    import requests

    base = f"http://127.0.0.1:{port}"
    log_path = folder / "server.log"
    with open(log_path, "wb") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "cms.asgi:application"]
            + ["--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if requests.get(f"{base}/healthz", timeout=2).ok:
                        break
                except requests.ConnectionError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(log_path.read_text()[-3000:])
                time.sleep(0.3)
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)

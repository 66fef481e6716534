"""Child processes of the tests: ``python ...`` from the repository's root, and the
environment of ``make run``'s embedded default for them."""

import os
import subprocess
import sys
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

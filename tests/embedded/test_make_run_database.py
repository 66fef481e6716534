"""`make run` uses the embedded default (SQLite, eager Celery, database search):
every migration must apply there too, not only on PostgreSQL. A PostgreSQL-only
operation (e.g. CREATE INDEX CONCURRENTLY) once broke `make run` while the
PostgreSQL suite stayed green."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_all_migrations_apply_on_the_embedded_sqlite(tmp_path):
    # The embedded default: none of the services' variables, only a file.
    services = ("CACHE_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL", "AWS_")
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(services)},
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'embedded.sqlite3'}",
    }
    migrate = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert migrate.returncode == 0, migrate.stderr[-3000:]
    pending = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--check", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert pending.returncode == 0, pending.stdout[-2000:] + pending.stderr[-2000:]

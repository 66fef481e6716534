"""Production's database pool on the real PostgreSQL: however many requests a web
process serves, it uses at most DATABASE_POOL_SIZE server connections (one each
without the pool); a Celery worker never takes the pool (a forked child sharing
its parent's connections would corrupt both)."""

import json
import os
from urllib.parse import urlsplit, urlunsplit

from tests.security.policy import production_env, run_python

# 30 "requests", each in a thread of its own as under ASGI; the backend pids seen.
REQUESTS = """
import json, threading, django
django.setup()
from django.db import connection, connections
pids = set()
def request():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pids.add(cursor.fetchone()[0])
    connections.close_all()  # what Django does when a request ends
for _ in range(30):
    thread = threading.Thread(target=request)
    thread.start()
    thread.join()
print(json.dumps({"pids": len(pids), "pool": bool(connection.pool)}))
"""

WORKER = """
import json, django
django.setup()
from celery.signals import worker_init
from django.db import connection
import cms.celery
worker_init.send(sender=None)
print(json.dumps({"pool": bool(connection.pool)}))
"""


def _maintenance_url() -> str:
    """The suite's PostgreSQL server, its always-present ``postgres`` database."""
    parts = urlsplit(os.environ["DATABASE_URL"])
    return urlunsplit(parts._replace(path="/postgres"))


def _run(code: str, **env: str) -> dict:
    done = run_python(code, production_env(DATABASE_URL=_maintenance_url(), **env))
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_web_process_reuses_its_pooled_connections():
    pooled = _run(REQUESTS, DATABASE_POOL_SIZE="4")
    assert pooled["pool"]
    assert 1 <= pooled["pids"] <= 4

    unpooled = _run(REQUESTS, DATABASE_POOL_SIZE="0")
    assert not unpooled["pool"]
    assert unpooled["pids"] > 4  # a new server connection per request


def test_a_celery_worker_drops_the_pool():
    assert _run(WORKER)["pool"] is False

"""Helpers shared by the benchmarks: scratch databases, child processes, servers."""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def with_db(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def bench_env(
    bench: str,
    db: str,
    redis_db: int,
    services: tuple[str, ...] = ("DATABASE_URL", "REDIS_URL"),
    **extra: str,
) -> dict[str, str]:
    """The env of every process of ``bench/<bench>/``: production settings
    (``bench.<bench>.settings``) on the loopback ``services``, the scratch database
    ``db`` on the PostgreSQL of DATABASE_URL, the cache in the scratch Redis DB
    ``redis_db``, Celery tasks only enqueued into memory, plain HTTP (no TLS proxy in
    front); ``extra`` adds or overrides variables."""
    env = dict(os.environ)
    for key in services:
        if not env.get(key):
            sys.exit(f'{key} is not set: eval "$(make -s services)"')
        host = urlsplit(env[key]).hostname
        if host not in LOOPBACK:
            sys.exit(f"{key} is not on loopback ({host}): refusing")
    if not env["DATABASE_URL"].startswith("postgres"):
        sys.exit("DATABASE_URL must point at PostgreSQL")
    env.update(
        DATABASE_URL=with_db(env["DATABASE_URL"], db),
        DJANGO_SETTINGS_MODULE=f"bench.{bench}.settings",
        SECRET_KEY=f"bench-{bench}-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        # Production redirects plain HTTP to HTTPS: every measured answer a 301.
        SECURE_SSL_REDIRECT="false",
        # Production's default, whatever the shell says: under ASGI a persistent
        # connection is never reused and piles up until PostgreSQL refuses more.
        CONN_MAX_AGE="0",
        CACHE_URL=with_db(env["REDIS_URL"], str(redis_db)),
        CELERY_BROKER_URL="memory://",
        CELERY_RESULT_BACKEND="cache+memory://",
        LOG_LEVEL=env.get("LOG_LEVEL", "WARNING"),
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def run_child(script: str, phase: str, items: int, env: dict, timeout: float) -> dict:
    """Run a phase of ``script`` in a child process; return its RESULT json."""
    cmd = [sys.executable, script, "--phase", phase, "--items", str(items)]
    proc = subprocess.run(
        cmd, env=env, cwd=ROOT, timeout=timeout, capture_output=True, text=True
    )
    sys.stderr.write(proc.stderr[-4000:] if proc.returncode else "")
    if proc.returncode:
        sys.stdout.write(proc.stdout[-4000:])
        sys.exit(f"phase {phase} failed ({proc.returncode})")
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
        print(f"  [{phase}] {line}")
    sys.exit(f"phase {phase} printed no RESULT")


def create_database(name: str) -> None:
    """The scratch database ``name`` on the server of ``DATABASE_URL``, once."""
    import psycopg

    url = os.environ["DATABASE_URL"]
    if database_exists(url, name):
        return
    with psycopg.connect(with_db(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str, name: str) -> None:
    """Drop the scratch database ``name`` on the server of ``url``."""
    import psycopg

    with psycopg.connect(with_db(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def database_exists(url: str, name: str) -> bool:
    import psycopg

    with psycopg.connect(with_db(url, "postgres"), autocommit=True) as conn:
        found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        return found.fetchone() is not None


def copy_database(url: str, source: str, target: str) -> None:
    """``target`` afresh as a copy of ``source`` (PostgreSQL's CREATE DATABASE ...
    TEMPLATE: seconds, where migrating takes a minute); nobody may be connected to
    ``source``."""
    import psycopg

    drop_database(url, target)
    with psycopg.connect(with_db(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')


def gunicorn_cmd(
    port: int, threads: int, workers: int = 2, timeout: int = 60
) -> list[str]:
    """The WSGI server (gunicorn gthread workers) on loopback, no control socket
    (several may run side by side)."""
    return [
        str(Path(sys.executable).parent / "gunicorn"),
        "cms.wsgi:application",
        "-w",
        str(workers),
        "-k",
        "gthread",
        "--threads",
        str(threads),
        "-b",
        f"127.0.0.1:{port}",
        "--timeout",
        str(timeout),
        "--no-control-socket",
    ]


def asgi_cmd(
    port: int, app: str = "cms.asgi:application", workers: int = 2, timeout: int = 60
) -> list[str]:
    """The production server type (docs/production.md): gunicorn with uvicorn
    workers on ASGI, on loopback, no control socket."""
    return [
        str(Path(sys.executable).parent / "gunicorn"),
        app,
        "-k",
        "uvicorn_worker.UvicornWorker",
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        "--timeout",
        str(timeout),
        "--no-control-socket",
    ]


def collect_static(env: dict) -> None:
    """Hashed and pre-compressed static files into the env's STATIC_ROOT: the
    production settings serve nothing else."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )


def chromium_path() -> str:
    """Debian's Chromium (package ``chromium``), as the browser tests use it."""
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not path:
        sys.exit("Chromium is missing: apt-get install chromium (or set CHROMIUM_PATH)")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(cmd: list[str], env: dict, log: Path) -> subprocess.Popen:
    out = open(log, "w")  # noqa: SIM115
    return subprocess.Popen(
        cmd,
        env=env,
        cwd=ROOT,
        stdout=out,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def stop(proc: subprocess.Popen | None) -> None:
    if proc is None or proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)  # its own session: only what we started
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=5)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import requests

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited ({proc.returncode})")
        try:
            if requests.get(url, timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} not ready after {timeout} s")


def get_all(base: str, paths: list[str], concurrency: int = 8) -> list:
    """GET every path once (untimed), ``concurrency`` at a time; any answer but 200
    stops the bench. Checks the URLs, warms the server (and fills its caches)."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    def get(path: str):
        response = requests.get(base + path, timeout=120)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}")
        return response

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(get, paths))


def import_corpus(db_name: str, items: int, label: str) -> dict:
    """A child phase: create the scratch database if needed, migrate, load the OPDs
    and import ``items`` generated items (skipped when they are already there). The
    import only enqueues Celery tasks into a memory broker that nobody reads."""
    create_database(db_name)
    os.environ["CELERY_BROKER_URL"] = "memory://"
    os.environ["CELERY_RESULT_BACKEND"] = "cache+memory://"
    import django

    django.setup()
    from django.core.management import call_command

    from bench.importer.generate import jsonl_write
    from cms.content.models import CONTENT_TYPES
    from cms.dip.models import DIPEntryPage
    from cms.importer.services import content_import
    from cms.opd.models import OPDPage

    call_command("migrate", verbosity=0)
    call_command("load_opds", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    opds = sorted(OPDPage.objects.values_list("slug", flat=True))
    path = Path(tempfile.gettempdir()) / f"{label}-{items}.jsonl"
    bad = jsonl_write(path, count=items, opds=opds)
    have = DIPEntryPage.objects.count() + sum(
        m.objects.count() for m in CONTENT_TYPES.values()
    )
    if have >= items - bad:
        return {"skipped": True, "items": have, "seconds": 0.0}
    started = time.perf_counter()
    with open(path, "rb") as lines:
        report = content_import(lines=lines)
    seconds = time.perf_counter() - started
    print(report.summary())
    return {"skipped": False, "items": items - bad, "seconds": seconds}

"""A complete, private deployment whose dependencies can really be stopped.

``FaultSet`` starts its own PostgreSQL, Redis and Elasticsearch (``scripts/services.sh``
with a state directory and free ports of its own, so the shared services other tests
use are never touched), a bucket of its own on the shared S3 server (never stopped),
then gunicorn serving the production settings (``tests.faults.settings``), a Celery
worker and Celery beat. Used by ``tests/faults/`` and ``bench/faults/run.py``.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import requests

from . import database
from .observe import ADMIN, INDEX_PREFIX, LEASED_SQL, Observations
from .ops_client import Ops

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SERVICES = ROOT / "scripts" / "services.sh"
STATIC_ROOT = ROOT / "var" / "faults-static"  # kept: collectstatic is incremental


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(check, timeout: float, step: float = 0.2, what: str = "condition"):
    """Poll ``check`` until it returns something truthy; that value is returned."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = check()
        except Exception:  # a dependency still coming back
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} not reached within {timeout:.0f} s")
        time.sleep(step)


class FaultSet(Observations):
    def __init__(self, base_env: dict | None = None):
        self.base_env = dict(base_env or os.environ)
        self.dir = Path(tempfile.mkdtemp(prefix="sipf-", dir="/var/tmp"))
        self.ports = {
            name: free_port() for name in ("PG", "REDIS", "ES", "ES_TRANSPORT", "WEB")
        }
        self.base_url = f"http://127.0.0.1:{self.ports['WEB']}"
        self.es_url = f"http://127.0.0.1:{self.ports['ES']}"
        self.procs: dict[str, subprocess.Popen] = {}
        self.workers = 0
        self.ops: Ops | None = None
        self.env: dict = {}
        self.site: dict = {}

    # ------------------------------------------------------------ services
    def _services(self, cmd: str, *names: str) -> tuple[list[str], dict]:
        # Never the shared services (their default ports): other tests rely on them.
        assert not {55432, 56379, 59200, 59300} & set(self.ports.values())
        env = {**self.base_env, "SIPANGANTEN_SERVICES_DIR": str(self.dir)}
        env.update({f"SIPANGANTEN_{k}_PORT": str(v) for k, v in self.ports.items()})
        return ["bash", str(SERVICES), cmd, *names], env

    def services(self, cmd: str, *names: str) -> str:
        args, env = self._services(cmd, *names)
        proc = subprocess.run(
            args, env=env, capture_output=True, text=True, timeout=300
        )
        if proc.returncode and cmd != "status":
            raise RuntimeError(f"services.sh {cmd} {names}: {proc.stderr[-3000:]}")
        return proc.stdout

    def stop_service(self, name: str) -> None:
        self.services("stop", name)

    def start_service(self, name: str) -> None:
        self.services("start", name)

    # ------------------------------------------------------------ lifecycle
    def start(self) -> "FaultSet":
        self.services("start", "pg", "redis")
        # Elasticsearch starts (10-60 s) while the database is migrated.
        args, env = self._services("start", "es")
        es_log = open(self.dir / "es-start.log", "wb")  # noqa: SIM115
        es_start = subprocess.Popen(args, env=env, stdout=es_log, stderr=es_log)
        redis = f"redis://127.0.0.1:{self.ports['REDIS']}"
        pg = f"127.0.0.1:{self.ports['PG']}/sipanganten"
        bucket = "sipanganten-faults"
        s3 = self.base_env.get("AWS_S3_ENDPOINT_URL", "")
        if s3:
            requests.put(f"{s3}/{bucket}", timeout=10)  # idempotent on moto
        self.env = {
            **self.base_env,
            "DJANGO_SETTINGS_MODULE": "tests.faults.settings",
            "DATABASE_URL": f"postgres://sipanganten:sipanganten@{pg}",
            "REDIS_URL": f"{redis}/0",
            "CELERY_BROKER_URL": f"{redis}/1",
            "CELERY_RESULT_BACKEND": f"{redis}/1",
            "CACHE_URL": f"{redis}/2",
            "ELASTICSEARCH_URL": self.es_url,
            "ELASTICSEARCH_INDEX_PREFIX": INDEX_PREFIX,
            "AWS_STORAGE_BUCKET_NAME": bucket if s3 else "",
            "SECRET_KEY": "faults-harness-not-secret-" + "k" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "STATIC_ROOT": str(STATIC_ROOT),
            "API_RATE_ANON": "100000/min",  # the load comes from one address
            # The second factor has tests of its own; here only the outage matters.
            "ADMIN_2FA_REQUIRED": "false",
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            "PYTHONPATH": str(ROOT),
        }
        for name in ("TEST_INDEX_PREFIX", "CELERY_TASK_ALWAYS_EAGER"):
            self.env.pop(name, None)
        database.prepare(
            self.env,
            self.ports["PG"],
            lambda: self._run(["manage.py", "migrate", "--noinput", "-v0"], 900),
        )
        self._collectstatic()
        es_log.close()
        if es_start.wait(timeout=300):
            raise RuntimeError(f"Elasticsearch did not start: {self.dir}/es-start.log")
        self.ops = Ops(self.env, self.dir / "ops.log")
        self.site = self.ops.call("setup", username=ADMIN[0], password=ADMIN[1])
        self.start_web()
        self.start_worker()
        self.start_beat()
        return self

    def _collectstatic(self) -> None:
        """Post-processing every file (hashes, gzip, brotli) takes long on a busy
        machine: skipped while the sources are unchanged since the last run."""
        ours = [
            *(ROOT / "frontend-templates" / "static").rglob("*"),
            *ROOT.glob("*/*/static/**/*"),  # apps' own (cms/live/static, ...)
            *ROOT.glob("*/static/**/*"),
        ]
        # site-packages' own mtime moves whenever a package is installed or removed.
        packages = next((BIN.parent / "lib").glob("python*/site-packages"))
        stamp = str(max(p.stat().st_mtime for p in [packages, *ours]))
        done = STATIC_ROOT / ".faults-stamp"
        if done.exists() and done.read_text() == stamp:
            return
        self._run(["manage.py", "collectstatic", "--noinput", "-v0"], 600)
        done.write_text(stamp)

    def close(self) -> None:
        for name in list(self.procs):  # nothing to keep: no graceful shutdown
            self.stop_proc(name, signal.SIGKILL)
        if self.ops:
            self.ops.close()
        try:
            self.services("stop", "pg", "redis", "es")
        finally:
            if not os.environ.get("FAULTS_KEEP_DIR"):
                shutil.rmtree(self.dir, ignore_errors=True)

    def _run(self, args: list[str], timeout: float) -> None:
        proc = subprocess.run(
            [sys.executable, *args],
            env=self.env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if proc.returncode:
            raise RuntimeError(f"{args}: {proc.stdout[-2000:]}{proc.stderr[-3000:]}")

    # ------------------------------------------------------------ processes
    def spawn(self, name: str, cmd: list[str]) -> subprocess.Popen:
        log = open(self.dir / f"{name}.log", "ab")  # noqa: SIM115
        proc = subprocess.Popen(
            cmd,
            env=self.env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: signals reach only it
        )
        log.close()
        self.procs[name] = proc
        return proc

    def stop_proc(self, name: str, sig=signal.SIGTERM) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)

    def start_web(self) -> None:
        proc = self.spawn(
            "web",
            [
                str(BIN / "gunicorn"),
                # As docs/production.md serves it: ASGI, for the live admin.
                "cms.asgi:application",
                "-w",
                "2",
                "-k",
                "uvicorn_worker.UvicornWorker",
                "-b",
                f"127.0.0.1:{self.ports['WEB']}",
                "--timeout",
                "30",
                "--no-control-socket",  # several gunicorns may run side by side
            ],
        )

        def ready():
            if proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited; see {self.dir}/web.log")
            return requests.get(f"{self.base_url}/healthz", timeout=2).ok

        wait_until(ready, 60, what="gunicorn ready")

    def start_worker(self) -> str:
        self.workers += 1
        name = f"worker{self.workers}"
        self.spawn(
            "worker",
            [
                str(BIN / "celery"),
                "-A",
                "cms",
                "worker",
                "-Q",
                "sipanganten",
                "-c",
                "2",
                "-n",
                f"faults-{name}@%h",
                "--loglevel=WARNING",
            ],
        )
        return name

    def kill_worker(self) -> None:
        """SIGKILL to the worker and its pool children, as the OOM killer would."""
        self.stop_proc("worker", signal.SIGKILL)

    def kill_worker_mid_drain(self, timeout: float = 90) -> int:
        """Start a worker and SIGKILL it as soon as a drain holds claimed rows;
        returns how many rows were claimed at that moment."""
        with psycopg.connect(self.env["DATABASE_URL"], autocommit=True) as conn:
            self.start_worker()
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                leased = conn.execute(LEASED_SQL).fetchone()[0]
                if leased:
                    self.kill_worker()
                    return leased
                time.sleep(0.01)
        raise TimeoutError("no drain claimed the rows: " + self.log_tail("worker"))

    def start_beat(self) -> None:
        self.spawn(
            "beat",
            [
                str(BIN / "celery"),
                "-A",
                "cms",
                "beat",
                "-s",
                str(self.dir / "beat-schedule"),
                "--loglevel=WARNING",
            ],
        )

    def log_tail(self, name: str, chars: int = 3000) -> str:
        path = self.dir / f"{name}.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""

"""Helpers shared by the benchmarks: scratch databases, child processes, servers."""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]


def with_db(url: str, name: str) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


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

    admin = with_db(os.environ["DATABASE_URL"], "postgres")
    with psycopg.connect(admin, autocommit=True) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str, name: str) -> None:
    """Drop the scratch database ``name`` on the server of ``url``."""
    import psycopg

    with psycopg.connect(with_db(url, "postgres"), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')


def gunicorn_cmd(port: int, threads: int, timeout: int = 60) -> list[str]:
    """The production server as the benchmarks run it: 2 gthread workers on
    loopback, no control socket (several may run side by side)."""
    return [
        str(Path(sys.executable).parent / "gunicorn"),
        "cms.wsgi:application",
        "-w",
        "2",
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


def wrk_paths_script(paths: list[str], folder: Path, name: str) -> Path:
    """A wrk Lua script cycling through ``paths`` (each wrk thread from its own
    offset), so a load spreads over many distinct URLs instead of one."""
    quoted = ",\n".join(json.dumps(p) for p in paths)  # JSON strings are Lua-safe
    script = folder / f"{name}.lua"
    script.write_text(
        f"local paths = {{\n{quoted}\n}}\n"
        "local count = 0\n"
        "function setup(thread) thread:set('tid', count); count = count + 1 end\n"
        "local i = 0\n"
        "function init(args) i = (tid or 0) * math.floor(#paths / 2) end\n"
        "function request()\n"
        "  i = i % #paths + 1\n"
        "  return wrk.format(nil, paths[i])\n"
        "end\n"
    )
    return script


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


def wrk_load(
    url: str,
    seconds: int,
    connections: int,
    headers: dict | None = None,
    script: Path | None = None,
) -> dict:
    """Load ``url`` with wrk (Debian package ``wrk``, 2 threads) for ``seconds`` at
    ``connections`` (``script``: a wrk Lua script shaping the requests): requests/s,
    p50/p99 latency in ms, non-2xx/3xx responses."""
    import re

    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        cmd += ["-H", f"{name}: {value}"]
    if script is not None:
        cmd += ["-s", str(script)]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}

    def latency(label: str) -> float:
        found = re.search(rf"\b{label}%\s+([\d.]+)(us|ms|s)\b", out)
        return float(found.group(1)) * scale[found.group(2)]

    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(non2xx.group(1)) if non2xx else 0,
    }


def median_of(runs: list[dict]) -> dict:
    """The median of each measure over interleaved wrk rounds; errors summed."""
    import statistics

    keys = [key for key in runs[0] if key != "errors"]
    return {key: statistics.median(run[key] for run in runs) for key in keys} | {
        "errors": sum(run["errors"] for run in runs)
    }

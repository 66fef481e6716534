"""What the live admin benchmark reads about its server processes (from /proc) and
the scratch database."""

import os
import time
from pathlib import Path


def workers_of(master: int, count: int, timeout: float = 30) -> list[int]:
    """The pids of the master's ``count`` worker processes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children = []
        for task in Path(f"/proc/{master}/task").iterdir():
            text = (task / "children").read_text().split()
            children += [int(pid) for pid in text]
        if len(children) >= count:
            return sorted(children)
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn {master} has no {count} workers")


def status(pid: int) -> dict:
    """VmRSS (KiB) and Threads of a process, from /proc/<pid>/status."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _sep, value = line.partition(":")
        if name in ("VmRSS", "Threads"):
            values[name] = int(value.split()[0])
    return values


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def db_backends(env: dict, db_name: str) -> int:
    """Connections to the scratch database, from pg_stat_activity."""
    import psycopg

    from bench.common import with_db

    url = with_db(env["DATABASE_URL"], "postgres")
    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [db_name]
        ).fetchone()
    return row[0]

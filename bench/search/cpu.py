"""CPU time per request of each process a search passes through, from /proc.

On a shared machine a side's throughput is bounded by the CPU all its processes
need per request: the ratio API/ES is about ES's CPU per search over ES's plus our
server's. These figures say where that goes (Linux only: elsewhere the bench runs
without them)."""

import os
import subprocess
import time
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _tree(pid: int) -> list[int]:
    """``pid`` and its children (gunicorn's master and workers)."""
    out = subprocess.run(
        ["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    return [pid, *map(int, out)]


def _seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime
    return total / _TICK


class CpuProbe:
    """``snapshot()``: CPU seconds so far of our server (all workers), of
    Elasticsearch, and of this process (the load generator's threads)."""

    def __init__(self, server_pid: int, es_pid: int | None):
        self.server = _tree(server_pid)
        self.es = [es_pid] if es_pid else []

    def snapshot(self) -> dict[str, float]:
        return {
            "server": _seconds(self.server),
            "elasticsearch": _seconds(self.es),
            "load": time.process_time(),
        }


def es_pid(client) -> int | None:
    """The local Elasticsearch node's process id (None: not on this machine)."""
    nodes = client.nodes.info(node_id="_local", metric="process")["nodes"]
    for node in nodes.values():
        pid = node.get("process", {}).get("id")
        if pid and Path(f"/proc/{pid}").exists():
            return int(pid)
    return None


def available() -> bool:
    return Path("/proc/self/stat").exists()


def settle(probe: CpuProbe, *, quiet: float = 3.0, limit: float = 180.0) -> float:
    """Wait until Elasticsearch and our server have been nearly idle (under 10% of
    a core together) for ``quiet`` seconds: after a reindex Elasticsearch merges
    segments for a while, and that work would be billed to whichever side runs
    first. Returns the seconds waited (``limit`` at most)."""
    started = time.monotonic()
    calm_since = None
    before = probe.snapshot()
    while time.monotonic() - started < limit:
        time.sleep(0.5)
        after = probe.snapshot()
        busy = sum(after[k] - before[k] for k in ("server", "elasticsearch")) / 0.5
        before = after
        now = time.monotonic()
        if busy > 0.1:
            calm_since = None
        elif calm_since is None:
            calm_since = now
        elif now - calm_since >= quiet:
            break
    return time.monotonic() - started

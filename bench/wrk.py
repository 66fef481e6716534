"""wrk (Debian package ``wrk``) as the benchmarks drive it: many distinct URLs,
requests/s and latency percentiles, medians over interleaved rounds."""

import json
import re
import statistics
import subprocess
from pathlib import Path


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


def wrk_load(
    url: str,
    seconds: int,
    connections: int,
    headers: dict | None = None,
    script: Path | None = None,
) -> dict:
    """Load ``url`` with wrk (Debian package ``wrk``, 2 threads) for ``seconds`` at
    ``connections`` (``script``: a wrk Lua script shaping the requests): requests/s,
    p50/p99 latency in ms, errors (non-2xx/3xx answers and socket errors). wrk's
    own 2 s timeout would drop a slow side's slowest requests from its latencies
    without a word: 30 s here, and a timeout counts as an error."""
    cmd = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    cmd += ["--timeout", "30s"]
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
    socket = re.search(r"Socket errors:[^\n]*", out)
    failed = sum(map(int, re.findall(r"\d+", socket.group(0)))) if socket else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": (int(non2xx.group(1)) if non2xx else 0) + failed,
    }


def median_of(runs: list[dict]) -> dict:
    """The median of each measure over interleaved wrk rounds; errors summed."""
    keys = [key for key in runs[0] if key != "errors"]
    return {key: statistics.median(run[key] for run in runs) for key in keys} | {
        "errors": sum(run["errors"] for run in runs)
    }


def wrk_rounds(
    targets: dict[str, tuple[str, Path | None]],
    rounds: int,
    seconds: int,
    connections: int,
) -> tuple[dict[str, dict], dict[str, list[dict]]]:
    """``rounds`` interleaved rounds, each loading every target (``name: (url,
    script)``) once in turn: the medians per target, and every round's figures."""
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    for round_ in range(rounds):
        print(
            f"  round {round_ + 1}/{rounds}: wrk {seconds} s per target at "
            f"c={connections}",
            flush=True,
        )
        for name, (url, script) in targets.items():
            runs[name].append(wrk_load(url, seconds, connections, script=script))
    return {name: median_of(values) for name, values in runs.items()}, runs

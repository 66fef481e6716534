"""Submissions per second through the API (``POST /api/v1/reports/``) at
concurrency 16 vs a static copy of a receipt served by the same gunicorn."""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import free_port, start, stop, wait_http, wrk_load

HERE = Path(__file__).resolve().parent
CONNECTIONS = 16
SAMPLE = {
    "kind": "pengaduan",
    "category": "bench-submit",
    "title": "Contoh laporan untuk salinan statis",
    "description": "Lampu penerangan jalan padam sejak pekan lalu.",
    "region": "36.73",
    "privacy": "biasa",
    "reporter_name": "Pelapor Bench",
    "reporter_email": "bench-sample@example.org",
}


def wrk_post(url: str, seconds: int) -> dict:
    cmd = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency"]
    cmd += ["-s", str(HERE / "submit.lua"), url]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    scale = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p99": float(p99.group(1)) * scale,
        "errors": int(non2xx.group(1)) if non2xx else 0,
    }


def measure(env: dict, seconds: int, venv_bin: Path) -> dict:
    import requests

    tmp = Path(tempfile.mkdtemp(prefix="bench-complaints-submit-"))
    receipt = tmp / "receipt.json"
    env = {
        **env,
        "BENCH_STATIC_FILE": str(receipt),
        # One address and many reporters: the per-address and per-email limits
        # guard against floods, not what is measured here.
        "API_RATE_ANON": "100000000/min",
        "API_RATE_REPORT_SUBMIT": "100000000/min",
        "API_RATE_REPORT_SUBMIT_EMAIL": "100000000/min",
    }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [str(venv_bin / "gunicorn"), "cms.wsgi:application", "-w", "2"]
    cmd += ["-k", "gthread", "--threads", "8", "-b", f"127.0.0.1:{port}"]
    web = start([*cmd, "--timeout", "120"], env, tmp / "gunicorn.log")
    try:
        wait_http(f"{base}/healthz", web)
        response = requests.post(f"{base}/api/v1/reports/", json=SAMPLE, timeout=60)
        if response.status_code != 201:
            sys.exit(f"sample submission: HTTP {response.status_code} {response.text}")
        receipt.write_bytes(response.content)
        ours = wrk_post(f"{base}/api/v1/reports/", seconds)
        static = wrk_load(f"{base}/api/static-copy/", seconds, CONNECTIONS)
    finally:
        stop(web)
        print(f"  logs: {tmp}")
    return {"submit": ours, "static": static}

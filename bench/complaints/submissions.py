"""Submissions per second through the API (``POST /api/v1/reports/``) at
concurrency 16 vs a static copy of a receipt served by the same gunicorn, in
interleaved rounds (median kept, ratio per round printed)."""

import sys
import tempfile
from pathlib import Path

from bench.common import (
    free_port,
    gunicorn_cmd,
    start,
    stop,
    wait_http,
)
from bench.wrk import median_of, wrk_load

HERE = Path(__file__).resolve().parent
CONNECTIONS = 16
WARM_SECONDS = 2
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


def measure(env: dict, seconds: int, rounds: int) -> dict:
    import requests

    tmp = Path(tempfile.mkdtemp(prefix="bench-complaints-submit-"))
    receipt = tmp / "receipt.json"
    env = {
        **env,
        "BENCH_STATIC_FILE": str(receipt),
        # One address and many reporters: the per-address and per-email limits
        # guard against floods, not what is measured here. They are still checked
        # (a Redis round trip each); any refusal shows as non-2xx and voids the run.
        "API_RATE_ANON": "100000000/min",
        "API_RATE_REPORT_SUBMIT": "100000000/min",
        "API_RATE_REPORT_SUBMIT_EMAIL": "100000000/min",
    }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = start(gunicorn_cmd(port, threads=8, timeout=120), env, tmp / "gunicorn.log")
    runs: dict[str, list[dict]] = {"submit": [], "static": []}
    try:
        wait_http(f"{base}/healthz", web)
        response = requests.post(f"{base}/api/v1/reports/", json=SAMPLE, timeout=60)
        if response.status_code != 201:
            sys.exit(f"sample submission: HTTP {response.status_code} {response.text}")
        receipt.write_bytes(response.content)
        targets = {
            "submit": (f"{base}/api/v1/reports/", HERE / "submit.lua"),
            "static": (f"{base}/api/static-copy/", None),
        }
        for url, script in targets.values():  # untimed: every worker thread warm
            wrk_load(url, WARM_SECONDS, CONNECTIONS, script=script)
        for round_ in range(rounds):
            print(f"  round {round_ + 1}/{rounds}", flush=True)
            for name, (url, script) in targets.items():
                runs[name].append(wrk_load(url, seconds, CONNECTIONS, script=script))
    finally:
        stop(web)
        print(f"  logs: {tmp}")
    result = {name: median_of(values) for name, values in runs.items()}
    result["ratios"] = [
        static["rps"] / submit["rps"]
        for submit, static in zip(runs["submit"], runs["static"], strict=True)
    ]
    return result

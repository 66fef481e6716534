"""Submissions per second through the API (``POST /api/v1/reports/``) at
concurrency 16 vs the static limit of the same server (a real receipt's bytes served
by a bare ASGI callable in front of Django: ``bench/static_limit.py``), in
interleaved rounds (medians kept, ratio per round printed)."""

import sys
import tempfile
from pathlib import Path

from bench.common import asgi_cmd, free_port, start, stop, wait_http
from bench.wrk import wrk_load, wrk_rounds

HERE = Path(__file__).resolve().parent
CONNECTIONS = 16
WARM_SECONDS = 2
APP = "bench.complaints.asgi:application"
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
        "BENCH_STATIC_DIR": str(tmp),
        # One address and many reporters: the per-address and per-email limits
        # guard against floods, not what is measured here. They are still checked
        # (a Redis round trip each); any refusal shows as non-2xx and voids the run.
        "API_RATE_ANON": "100000000/min",
        "API_RATE_REPORT_SUBMIT": "100000000/min",
        "API_RATE_REPORT_SUBMIT_EMAIL": "100000000/min",
    }
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = start(asgi_cmd(port, APP, timeout=120), env, tmp / "gunicorn.log")
    try:
        wait_http(f"{base}/healthz", web)
        response = requests.post(f"{base}/api/v1/reports/", json=SAMPLE, timeout=60)
        if response.status_code != 201:
            sys.exit(f"sample submission: HTTP {response.status_code} {response.text}")
        receipt.write_bytes(response.content)
        targets = {
            "submit": (f"{base}/api/v1/reports/", HERE / "submit.lua"),
            "static": (f"{base}/static-limit/receipt", None),
        }
        for url, script in targets.values():  # untimed: every worker thread warm
            wrk_load(url, WARM_SECONDS, CONNECTIONS, script=script)
        result, runs = wrk_rounds(targets, rounds, seconds, CONNECTIONS)
    finally:
        stop(web)
        print(f"  logs: {tmp}")
    result["ratios"] = [
        static["rps"] / submit["rps"]
        for submit, static in zip(runs["submit"], runs["static"], strict=True)
    ]
    return result

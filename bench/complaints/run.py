"""Benchmark of the complaints admin: the verification queue at 1,000 vs 100,000
reports, in one run.

    eval "$(make -s services)"
    .venv/bin/python bench/complaints/run.py [--small N] [--large N]
    make bench-complaints BENCH_ARGS="--requests 50"

A scratch PostgreSQL database ``sipanganten_complaintsbench`` (kept between runs:
re-runs skip what is already there; ``--drop-db`` drops it at the end) is filled with
bulk inserts (``fill.py``: a realistic status mix, one or two dispositions per
disposed report) first to ``--small`` reports, then topped up to ``--large``. At each
size:

* queries: each page is requested in-process as a verifier (Django test client,
  warm) and its SQL queries counted — they must be EQUAL at both sizes;
* latency: gunicorn (production settings, 2 workers x 4 threads, PostgreSQL and
  Redis) serves the admin; ``--requests`` sequential GETs per page with the
  verifier's session after a warm-up; median and p95 reported.

Pages: "Masuk" (the verification queue, oldest first), "Semua" (every report,
newest first) and "Semua" filtered to overdue reports. Prints the ratios
large/small of the median latency and whether the query counts are equal (exit
status 1 when they are not).

Then (``--seconds`` > 0) submissions per second: wrk (Debian package ``wrk``) at
concurrency 16 POSTs new reports to ``/api/v1/reports/`` (JSON, each from its own
reporter; rate limits lifted for the run) vs. the same server answering a static
copy of a receipt (``bench.complaints.settings``); the submitted reports are
deleted afterwards.
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
from bench.common import (  # noqa: E402
    free_port,
    percentile,
    start,
    stop,
    wait_http,
    with_db,
)

BENCH_DB = "sipanganten_complaintsbench"
VENV_BIN = Path(sys.executable).parent
PAGES = {
    "masuk": "/admin/aduan/masuk/",
    "semua": "/admin/aduan/semua/",
    "terlambat": "/admin/aduan/semua/?overdue=ya",
}


def scratch_env() -> dict[str, str]:
    env = dict(os.environ)
    for key in ("DATABASE_URL", "REDIS_URL"):
        if not env.get(key):
            sys.exit(f'{key} is not set: eval "$(make -s services)"')
    if not env["DATABASE_URL"].startswith("postgres"):
        sys.exit("DATABASE_URL must point at PostgreSQL")
    env.update(
        DATABASE_URL=with_db(env["DATABASE_URL"], BENCH_DB),
        DJANGO_SETTINGS_MODULE="bench.complaints.settings",
        SECRET_KEY="bench-complaints-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        CACHE_URL=with_db(env["REDIS_URL"], "12"),  # a scratch Redis DB
        CELERY_BROKER_URL="memory://",
        CELERY_RESULT_BACKEND="cache+memory://",
        ELASTICSEARCH_URL="",  # not needed: no search here
        STATIC_ROOT=str(ROOT / "var" / "bench-complaints" / "static"),
        # Plain HTTP on loopback with a forced-login session: no TLS proxy, no TOTP.
        SECURE_SSL_REDIRECT="false",
        ADMIN_2FA_REQUIRED="false",
        LOG_LEVEL=env.get("LOG_LEVEL", "WARNING"),
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT),
    )
    return env


def child(phase: str, items: int, env: dict, timeout: float) -> dict:
    import subprocess

    cmd = [sys.executable, __file__, "--phase", phase, "--items", str(items)]
    proc = subprocess.run(
        cmd, env=env, cwd=ROOT, timeout=timeout, capture_output=True, text=True
    )
    if proc.returncode:
        sys.stdout.write(proc.stdout[-4000:])
        sys.stderr.write(proc.stderr[-4000:])
        sys.exit(f"phase {phase} failed ({proc.returncode})")
    for line in proc.stdout.splitlines():
        if line.startswith("RESULT "):
            return json.loads(line[7:])
        print(f"  [{phase}] {line}")
    sys.exit(f"phase {phase} printed no RESULT")


def latency(base: str, session: str, path: str, requests_: int) -> dict:
    import requests

    with requests.Session() as http:
        http.cookies.set("sessionid", session)
        for _ in range(3):  # warm: connections, templates, holiday cache
            http.get(base + path, timeout=60).raise_for_status()
        timings = []
        for _ in range(requests_):
            started = time.perf_counter()
            response = http.get(base + path, timeout=60)
            timings.append((time.perf_counter() - started) * 1000)
            response.raise_for_status()
            if "/login/" in response.url:
                sys.exit(f"{path}: not signed in")
    return {"p50": statistics.median(timings), "p95": percentile(timings, 95)}


def measure(env: dict, size: int, args) -> dict:
    counted = child("queries", size, env, timeout=600)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = Path(tempfile.mkdtemp(prefix="bench-complaints-")) / "gunicorn.log"
    cmd = [str(VENV_BIN / "gunicorn"), "cms.wsgi:application", "-w", "2"]
    cmd += ["-k", "gthread", "--threads", "4", "-b", f"127.0.0.1:{port}"]
    web = start([*cmd, "--timeout", "120"], env, log)
    try:
        wait_http(f"{base}/healthz", web)
        pages = {
            name: latency(base, counted["session"], path, args.requests)
            | {"queries": counted["queries"][path]}
            for name, path in PAGES.items()
        }
    finally:
        stop(web)
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--seconds", type=int, default=10, help="0: no submissions")
    parser.add_argument("--drop-db", action="store_true")
    parser.add_argument(
        "--phase", choices=["fill", "queries", "cleanup"], help=argparse.SUPPRESS
    )
    parser.add_argument("--items", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        from bench.complaints import fill

        if args.phase == "fill":
            result = fill.fill(BENCH_DB, args.items)
        elif args.phase == "cleanup":
            result = fill.remove_submissions()
        else:
            result = fill.count_queries(list(PAGES.values()))
        print("RESULT " + json.dumps(result), flush=True)
        return

    env = scratch_env()
    import subprocess

    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        env=env,
        cwd=ROOT,
        check=True,
    )
    results = {}
    for size in (args.small, args.large):
        print(f"Filling {BENCH_DB} to {size:,} reports...", flush=True)
        filled = child("fill", size, env, timeout=3600)
        if filled["reports"] != size:
            sys.exit(
                f"{BENCH_DB} holds {filled['reports']:,} reports, not {size:,}: "
                "run with --drop-db once to start afresh"
            )
        print(f"  fill: {filled}")
        results[size] = measure(env, size, args)
    submitted = None
    if args.seconds > 0:
        from bench.complaints import submissions

        print(f"Submissions: wrk {args.seconds} s at c=16...", flush=True)
        try:
            submitted = submissions.measure(env, args.seconds, VENV_BIN)
        finally:
            print(f"  cleanup: {child('cleanup', 0, env, timeout=600)}")
    if args.drop_db:
        import psycopg

        with psycopg.connect(
            with_db(env["DATABASE_URL"], "postgres"), autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
    status = report(results, args.small, args.large)
    if submitted:
        report_submissions(submitted)
    sys.exit(status)


def report(results: dict, small: int, large: int) -> int:
    print()
    print(f"{'page':<11}{'reports':>9}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}")
    print("-" * 47)
    for size, pages in results.items():
        for name, r in pages.items():
            print(
                f"{name:<11}{size:>9,}{r['p50']:>9.1f}{r['p95']:>9.1f}{r['queries']:>9}"
            )
    print()
    status = 0
    for name in PAGES:
        a, b = results[small][name], results[large][name]
        equal = a["queries"] == b["queries"]
        status |= not equal
        print(
            f"{name}: latency {large:,}/{small:,} = {b['p50'] / a['p50']:.2f}x "
            f"(p50); queries {a['queries']} vs {b['queries']}: "
            f"{'equal' if equal else 'NOT EQUAL'}"
        )
    return status


def report_submissions(results: dict) -> None:
    print()
    for name, r in results.items():
        print(
            f"{name:<8} {r['rps']:>8.1f} req/s  p99 {r['p99']:>7.1f} ms  "
            f"non-2xx {r['errors']}"
        )
    ratio = results["static"]["rps"] / results["submit"]["rps"]
    print(f"submissions: static/submit = {ratio:.1f}x (req/s at c=16)")


if __name__ == "__main__":
    main()

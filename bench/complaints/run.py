"""Benchmark of the complaints admin: the verification queue at 1,000 vs 100,000
reports, and submissions per second vs a static limit, in one run.

    eval "$(make -s services)"
    .venv/bin/python bench/complaints/run.py [--small N] [--large N] [--rounds R]
    make bench-complaints BENCH_ARGS="--large 20000 --seconds 5"

Two scratch PostgreSQL databases ``sipanganten_complaintsbench_<N>`` (kept between
runs: re-runs skip the fill; ``--drop-db`` drops them at the end) are filled with
bulk inserts (``fill.py``: a realistic status mix, one or two dispositions per
disposed report, deadlines in working days), one to ``--small`` reports, one to
``--large``. Then:

* queries: each page is requested in-process as a verifier (Django test client,
  warm) and its SQL queries counted — they must be EQUAL at both sizes;
* latency: one server per database, both of the production type (gunicorn with 2
  ``uvicorn_worker.UvicornWorker`` processes on ASGI, as in docs/production.md; same
  code, production settings and psycopg pool, the same scratch Redis DB under its
  own key prefix) serves the admin; after a warm-up, ``--rounds`` rounds, each of
  ``--requests`` sequential GETs per page with the verifier's session on the small
  then the large server (the order swaps every round). Pooled median and p95
  reported, and the ratio large/small of the medians per round, so noise shows as
  spread between rounds.

Pages: "Masuk" (the verification queue, oldest first), "Semua" (every report,
newest first) and "Semua" filtered to overdue reports: the same URLs at both sizes,
each a full first page of 50 rows from about 700 reports on.
Exit status 1 when the query counts differ.

Then (``--seconds`` > 0) submissions per second: wrk (Debian package ``wrk``) at
concurrency 16 POSTs new reports to ``/api/v1/reports/`` on the large database
(JSON, each from its own reporter with its own text: no duplicate shortcut; rate
limits lifted, not skipped) vs. the static limit of the same server (a real
receipt's bytes served by a bare ASGI callable in front of Django,
``bench/static_limit.py``), interleaved over ``--rounds`` rounds, medians; the
submitted reports are deleted afterwards. Any non-2xx answer voids the submissions
figure (exit status 1).
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
    asgi_cmd,
    bench_env,
    collect_static,
    drop_database,
    free_port,
    percentile,
    run_child,
    start,
    stop,
    wait_http,
)

BENCH_DB = "sipanganten_complaintsbench"
APP = "bench.complaints.asgi:application"
FULL_PAGES = 700  # reports for a full first page (50) of "Masuk": ~8% are new
PAGES = {
    "masuk": "/admin/aduan/masuk/",
    "semua": "/admin/aduan/semua/",
    "terlambat": "/admin/aduan/semua/?overdue=ya",
}


def scratch_env(size: int) -> dict[str, str]:
    return bench_env(
        "complaints",
        f"{BENCH_DB}_{size}",
        redis_db=12,  # shared with bench/live: keys under a prefix of their own
        BENCH_CACHE_PREFIX=f"bench-complaints-{size}",
        ELASTICSEARCH_URL="",  # not needed: no search here
        STATIC_ROOT=str(ROOT / "var" / "bench-complaints" / "static"),
        ADMIN_2FA_REQUIRED="false",  # a forced-login session, no TOTP
    )


def timed_gets(http, url: str, count: int) -> list[float]:
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        response = http.get(url, timeout=60)
        timings.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
        if "/login/" in response.url:
            sys.exit(f"{url}: not signed in")
    return timings


def measure_queues(envs: dict, sessions: dict, args) -> dict:
    """Both servers up at once; rounds interleaved between them."""
    import requests

    log_dir = Path(tempfile.mkdtemp(prefix="bench-complaints-"))
    servers, bases, https = {}, {}, {}
    samples = {size: {name: [] for name in PAGES} for size in envs}
    rounds = {name: [] for name in PAGES}  # ratio large/small per round
    try:
        for size, env in envs.items():
            port = free_port()
            bases[size] = f"http://127.0.0.1:{port}"
            cmd = asgi_cmd(port, APP, timeout=120)
            servers[size] = start(cmd, env, log_dir / f"gunicorn-{size}.log")
        for size in envs:
            wait_http(f"{bases[size]}/healthz", servers[size])
            https[size] = requests.Session()
            https[size].cookies.set("sessionid", sessions[size])
            for path in PAGES.values():  # warm: connections, templates, caches
                timed_gets(https[size], bases[size] + path, 3)
        order = list(envs)
        for round_ in range(args.rounds):
            print(f"  round {round_ + 1}/{args.rounds}", flush=True)
            for name, path in PAGES.items():
                medians = {}
                for size in order:
                    got = timed_gets(https[size], bases[size] + path, args.requests)
                    samples[size][name] += got
                    medians[size] = statistics.median(got)
                rounds[name].append(medians[args.large] / medians[args.small])
            order.reverse()
    finally:
        for http in https.values():
            http.close()
        for web in servers.values():
            stop(web)
        print(f"  logs: {log_dir}")
    return {
        size: {
            name: {"p50": statistics.median(t), "p95": percentile(t, 95)}
            for name, t in pages.items()
        }
        for size, pages in samples.items()
    } | {"rounds": rounds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=20, help="per page and round")
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
            db_name = os.environ["DATABASE_URL"].rsplit("/", 1)[-1]
            result = fill.fill(db_name, args.items)
        elif args.phase == "cleanup":
            result = fill.remove_submissions()
        else:
            result = fill.count_queries(list(PAGES.values()))
        print("RESULT " + json.dumps(result), flush=True)
        return
    if args.small >= args.large:
        sys.exit("--small must be below --large")
    if args.small < FULL_PAGES:
        print(
            f"warning: below {FULL_PAGES:,} reports the small queues show fewer than "
            "50 rows, so the latency ratio compares pages of different lengths"
        )

    envs = {size: scratch_env(size) for size in (args.small, args.large)}
    collect_static(envs[args.small])
    counted = {}
    for size, env in envs.items():
        print(f"Filling {BENCH_DB}_{size} to {size:,} reports...", flush=True)
        filled = run_child(__file__, "fill", size, env, timeout=3600)
        if filled["reports"] != size:
            sys.exit(
                f"{BENCH_DB}_{size} holds {filled['reports']:,} reports, not "
                f"{size:,}: run with --drop-db once to start afresh"
            )
        print(f"  fill: {filled}")
        counted[size] = run_child(__file__, "queries", size, env, timeout=600)
    print(f"Queues: {args.rounds} interleaved rounds...", flush=True)
    sessions = {size: c["session"] for size, c in counted.items()}
    results = measure_queues(envs, sessions, args)
    submitted = None
    if args.seconds > 0:
        from bench.complaints import submissions

        print(f"Submissions: wrk {args.seconds} s at c=16 per round...", flush=True)
        env = envs[args.large]
        try:
            submitted = submissions.measure(env, args.seconds, args.rounds)
        finally:
            cleanup = run_child(__file__, "cleanup", 0, env, timeout=600)
            print(f"  cleanup: {cleanup}")
    if args.drop_db:
        for size, env in envs.items():
            drop_database(env["DATABASE_URL"], f"{BENCH_DB}_{size}")
    status = report(results, counted, args.small, args.large)
    if submitted:
        status |= report_submissions(submitted)
    sys.exit(status)


def report(results: dict, counted: dict, small: int, large: int) -> int:
    print()
    print(f"{'page':<11}{'reports':>9}{'p50 ms':>9}{'p95 ms':>9}{'queries':>9}")
    print("-" * 47)
    for size in (small, large):
        for name, path in PAGES.items():
            r, queries = results[size][name], counted[size]["queries"][path]
            print(f"{name:<11}{size:>9,}{r['p50']:>9.1f}{r['p95']:>9.1f}{queries:>9}")
    print()
    status = 0
    for name, path in PAGES.items():
        a, b = (counted[size]["queries"][path] for size in (small, large))
        status |= a != b
        per_round = " ".join(f"{x:.2f}" for x in results["rounds"][name])
        print(
            f"{name}: latency {large:,}/{small:,} = "
            f"{statistics.median(results['rounds'][name]):.2f}x (median of rounds: "
            f"{per_round}); queries {a} vs {b}: {'equal' if a == b else 'NOT EQUAL'}"
        )
    return status


def report_submissions(results: dict) -> int:
    print()
    for name in ("submit", "static"):
        r = results[name]
        print(
            f"{name:<8} {r['rps']:>8.1f} req/s  p99 {r['p99']:>7.1f} ms  "
            f"non-2xx {r['errors']}"
        )
    ratio = results["static"]["rps"] / results["submit"]["rps"]
    per_round = " ".join(f"{x:.1f}" for x in results["ratios"])
    print(
        f"submissions: static/submit = {ratio:.1f}x (median req/s at c=16; rounds: "
        f"{per_round})"
    )
    if results["submit"]["errors"] or results["static"]["errors"]:
        print("INVALID: some answers were not 2xx (a limit or a validation refused)")
        return 1
    return 0


if __name__ == "__main__":
    main()

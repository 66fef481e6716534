"""Benchmark of the live admin (issue 14): event to the other browser's screen, and
open live connections per worker process at a fixed memory budget.

    eval "$(make -s services)"
    .venv/bin/python bench/live/run.py [--events N] [--connections 100,500,1000]
    make bench-live BENCH_ARGS="--events 20 --connections 100"

A scratch PostgreSQL database ``sipanganten_livebench`` (kept between runs;
``--drop-db`` drops it at the end) gets the OPDs, an editor and a reviewer of
Diskominfo and ``--events`` + ``--polled`` draft news items; the cache and the live
event stream
live in the scratch Redis DB 12 under the key prefix ``bench-live``. Settings
``bench.live.settings`` (production). Then, in the same run:

1. Event -> screen (``screen.py``): gunicorn with 2 uvicorn workers serves the
   admin; the reviewer's dashboard is open in Chromium (Playwright). A driver
   process submits one draft after another to the OPD's review workflow as the
   editor (``phases.drive``); each is timed from just before the driver's
   commit to the moment the item appears in the reviewer's "Menunggu tinjauan
   anda" panel (a MutationObserver in the page records ``Date.now()``).
   Baselines: Wagtail without live updates (its dashboard never polls; its edit
   page's editing-session ping every 10 s: the delay computed from the interval
   plus the ping's measured cost, and observed on an edit page over ``--polled``
   edits, ``polled.py``), and one fetch of the dashboard fragment after each
   event (the floor of any refresh, at the same queue length and load).
2. Connections (``connections.py``): one uvicorn worker; N idle live
   connections opened against it, its RSS (VmRSS) read at each N, KiB per
   connection and how many fit in ``--budget-mib`` above the idle worker; the
   WSGI baseline: a gthread worker holds one long response per thread (4).
   At the highest N, one event must reach the connection opened last.
"""

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
from bench.common import (  # noqa: E402
    bench_env,
    collect_static,
    drop_database,
    run_child,
)

BENCH_DB = "sipanganten_livebench"


def scratch_env(**extra) -> dict[str, str]:
    return bench_env(
        "live",
        BENCH_DB,
        redis_db=12,  # shared with bench/complaints: keys under a prefix of their own
        BENCH_CACHE_PREFIX="bench-live",
        ELASTICSEARCH_URL="",  # not needed: no search here
        # Wagtail mails the reviewers of each submission: kept in memory here.
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        STATIC_ROOT=str(ROOT / "var" / "bench-live" / "static"),
        ADMIN_2FA_REQUIRED="false",  # a forced-login session, no TOTP
        **extra,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument(
        "--polled", type=int, default=20, help="edits seen by Wagtail's ping"
    )
    parser.add_argument("--connections", default="100,500,1000")
    parser.add_argument("--budget-mib", type=int, default=256)
    parser.add_argument("--skip-screen", action="store_true")
    parser.add_argument("--skip-connections", action="store_true")
    parser.add_argument("--drop-db", action="store_true")
    parser.add_argument("--phase", choices=["setup", "drive"], help=argparse.SUPPRESS)
    parser.add_argument("--items", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        from bench.live import phases

        if args.phase == "drive":
            phases.drive()
        else:
            print("RESULT " + json.dumps(phases.setup(args.items)), flush=True)
        return
    counts = sorted({int(n) for n in args.connections.split(",") if n.strip()})

    env = scratch_env(LIVE_MAX_CONNECTIONS_PER_USER=str(max(counts, default=0) + 10))
    collect_static(env)
    drafts = args.events + args.polled
    print(f"Scratch DB {BENCH_DB}: {drafts} draft items...", flush=True)
    data = run_child(__file__, "setup", drafts, env, timeout=1800)
    screen = connections = None
    if not args.skip_screen:
        from bench.live import screen as screen_bench

        print("Event -> screen: 2 uvicorn workers, Chromium, a driver...", flush=True)
        screen = screen_bench.measure(env, data, __file__, args.polled)
    if not args.skip_connections and counts:
        from bench.live import connections as conn_bench

        print(f"Connections per worker: {counts}...", flush=True)
        connections = conn_bench.measure(env, data, counts, __file__)
    if args.drop_db:
        drop_database(env["DATABASE_URL"], BENCH_DB)
    saved = ROOT / "var" / "bench-live" / "last-run.json"
    saved.parent.mkdir(parents=True, exist_ok=True)
    saved.write_text(json.dumps({"screen": screen, "connections": connections}))
    print(f"raw figures: {saved}")
    from bench.live import report

    status = 0
    if screen:
        status |= report.screen(screen)
    if connections:
        status |= report.connections(connections, args.budget_mib)
    sys.exit(status)


if __name__ == "__main__":
    main()

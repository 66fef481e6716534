"""Benchmark of the citizens' portal: page weight on a phone, and server time.

    eval "$(make -s services)"
    .venv/bin/python bench/portal/run.py [--items N] [--seconds S] [--distinct D]
    make bench-portal BENCH_ARGS="--items 1000 --seconds 2"

A scratch PostgreSQL database ``sipanganten_portalbench_zipf`` (kept between runs:
re-runs skip the import; ``--drop-db`` drops it at the end) gets N generated items
(default 10,000, ``bench/importer/generate.py``, text from the Zipf-like
``bench/corpus.py``); the newest items get photos (scratch S3 bucket
``sipanganten-portalbench``) and everything is indexed into Elasticsearch under the
prefix ``bench-portal-zipf``. Two
servers of the production type (gunicorn with 2 ``uvicorn_worker.UvicornWorker``
processes on ``bench.portal.asgi:application``, ASGI as in docs/production.md;
production settings, psycopg pool as in production; static files collected and
compressed by WhiteNoise) serve the portal side by side: one with the page cache
warm (TTL 300 s, every URL primed), one cold (``PORTAL_PAGE_CACHE_TTL=0``: every
request renders).

(a) Weight: Chromium (Debian's, via Playwright) at 375 px opens home, search
    results, an item, an OPD page, its DIP page and the province-wide DIP, each in
    a fresh profile; bytes transferred per kind (HTML, CSS, JS, images, as served:
    compressed when the server compresses). Budget: CSS + JS < 100 KB compressed.
(b) Server time: wrk at concurrency 8 (2 threads) through a Lua script cycling over
    many distinct URLs per page kind: home; search results for D (default 200)
    distinct queries drawn from the corpus vocabulary; D distinct items; every OPD.
    Each kind on the warm and the cold server, and against its static limit: the
    captured HTML of one page of that kind served by a bare ASGI callable in front
    of Django in the same server (``bench/static_limit.py``: no Django, no
    middleware, no Redis). ``--rounds`` (3) interleaved rounds, each running every
    target once; medians of req/s, p50 and p99 latency, and ours/static limit.
"""

import argparse
import json
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
from bench.common import (  # noqa: E402
    bench_env,
    chromium_path,
    collect_static,
    drop_database,
    import_corpus,
    run_child,
    stop,
)
from bench.wrk import wrk_rounds  # noqa: E402

# Named after the corpus: a database or index from the old 19-word generator would be
# reused silently (re-runs skip the import when the item count matches).
BENCH_DB = "sipanganten_portalbench_zipf"
PREFIX = "bench-portal-zipf"
BUCKET = "sipanganten-portalbench"
SCRATCH = ROOT / "var" / "bench-portal"
CONNECTIONS = 8
QUERY = "layanan publik"  # the weighed search page
BUDGET_KB = 100  # CSS + JS, compressed


def scratch_env() -> dict[str, str]:
    services = ("DATABASE_URL", "ELASTICSEARCH_URL", "REDIS_URL", "AWS_S3_ENDPOINT_URL")
    return bench_env(
        "portal",
        BENCH_DB,
        redis_db=14,
        services=services,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        ELASTICSEARCH_INDEX_PREFIX=PREFIX,
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        STATIC_ROOT=str(SCRATCH / "static"),
        BENCH_STATIC_DIR=str(SCRATCH),
        API_RATE_ANON="100000000/min",  # the load comes from one address
    )


def pick_pages() -> dict[str, str]:
    """Paths of the weighed pages: the busiest OPD, its newest item with a photo."""
    import django

    django.setup()
    from bench.portal.phases import busiest_opd_id
    from cms.content.selectors import public_items
    from cms.dip.models import DIPIndexPage
    from cms.opd.models import OPDPage

    opd = OPDPage.objects.get(pk=busiest_opd_id())
    item = (
        public_items()
        .filter(opd=opd, hero_image__isnull=False)
        .order_by("-publish_date")
        .first()
    )
    return {
        "home": "/",
        "search": f"/cari/?q={quote(QUERY)}",
        "item": item.url,
        "opd": opd.url,
        "dip-opd": DIPIndexPage.objects.child_of(opd).get().url,
        "dip": "/dip/",
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--distinct", type=int, default=200, help="search queries and items loaded"
    )
    parser.add_argument("--drop-db", action="store_true")
    parser.add_argument(
        "--phase", choices=["import", "media", "reindex"], help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.phase:
        from bench.portal import phases

        if args.phase == "import":
            result = import_corpus(BENCH_DB, args.items, "bench-portal")
        else:
            result = getattr(phases, f"phase_{args.phase}")()
        print("RESULT " + json.dumps(result), flush=True)
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    env = scratch_env()
    chromium = chromium_path()
    print(f"Scratch DB {BENCH_DB}, ES prefix {PREFIX}, {args.items} items", flush=True)
    for phase in ("import", "media", "reindex"):
        print(
            f"{phase}: {run_child(__file__, phase, args.items, env, timeout=3 * 3600)}"
        )
    collect_static(env)
    os.environ.update(env)
    pages = pick_pages()
    print("weighed pages: " + ", ".join(f"{k} {v}" for k, v in pages.items()))
    from bench.portal.load import pick_urls, prepare_targets, start_servers

    urls = pick_urls(args.distinct)
    SCRATCH.mkdir(parents=True, exist_ok=True)
    servers = {}
    try:
        servers = start_servers(env, SCRATCH)
        weights = measure_weights(chromium, servers["warm"][0], pages)
        print("load: ASGI (gunicorn + 2 uvicorn workers), warm and cold", flush=True)
        targets, cached = prepare_targets(servers, urls, SCRATCH)
        print(f"page cache serves: {cached}")
        results, _ = wrk_rounds(targets, args.rounds, args.seconds, CONNECTIONS)
    finally:
        for _base, proc in servers.values():
            stop(proc)
        print(f"logs: {SCRATCH}")
    if args.drop_db:
        from django.db import connections

        connections.close_all()
        drop_database(env["DATABASE_URL"], BENCH_DB)
    from bench.portal.report import print_report

    print_report(weights, results, cached, BUDGET_KB, urls, args.rounds)
    sys.exit(1 if any(r["errors"] or not r["rps"] for r in results.values()) else 0)


def measure_weights(chromium: str, base: str, pages: dict) -> dict:
    from playwright.sync_api import sync_playwright

    from bench.portal.weight import page_weights

    print("weights: Chromium at 375 px, fresh profile per page", flush=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium)
        try:
            return page_weights(browser, base, pages)
        finally:
            browser.close()


if __name__ == "__main__":
    main()

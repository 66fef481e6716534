"""Benchmark of the citizens' portal: page weight on a phone, and server time.

    eval "$(make -s services)"
    .venv/bin/python bench/portal/run.py [--items N] [--seconds S]   # make bench-portal

A scratch PostgreSQL database ``sipanganten_portalbench`` (kept between runs: re-runs
skip the import; ``--drop-db`` drops it at the end) gets N generated items (default
10,000, ``bench/importer/generate.py``); the newest items get photos (scratch S3
bucket ``sipanganten-portalbench``) and everything is indexed into Elasticsearch
under the prefix ``bench-portal``. gunicorn (production settings + static copies,
``bench.portal.settings``; 2 workers x 8 threads; static files collected and
compressed by WhiteNoise) serves the portal from loopback services.

(a) Weight: Chromium (Debian's, via Playwright) at 375 px opens home, search
    results, an item, an OPD page, its DIP page and the province-wide DIP, each in
    a fresh profile; bytes transferred per kind (HTML, CSS, JS, images, as served:
    compressed when the server compresses). Budget: CSS + JS < 100 KB compressed.
(b) Server time: wrk at concurrency 8 (2 threads) on home and search results, with
    the portal page cache warm (TTL 300 s, primed) and cold (TTL 0: every request
    renders), vs. the same HTML bytes served as a static response by the same
    server. Prints req/s, p50 and p99 latency and the ratios.
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
    free_port,
    gunicorn_cmd,
    import_corpus,
    run_child,
    start,
    stop,
    wait_http,
)
from bench.wrk import wrk_load  # noqa: E402

BENCH_DB = "sipanganten_portalbench"
PREFIX = "bench-portal"
BUCKET = "sipanganten-portalbench"
SCRATCH = ROOT / "var" / "bench-portal"
CONNECTIONS = 8
QUERY = "layanan publik"
BUDGET_KB = 100  # CSS + JS, compressed
LOADED = ("home", "search")  # the pages put under load


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
        API_RATE_ANON="100000000/min",  # the load comes from one address
    )


def pick_pages() -> dict[str, str]:
    """Paths of the measured pages: the busiest OPD, its newest item with a photo."""
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


def gunicorn(env: dict, port: int, log: Path, cache_ttl: int):
    web_env = {**env, "PORTAL_PAGE_CACHE_TTL": str(cache_ttl)}
    cmd = gunicorn_cmd(port, threads=8)
    web = start(cmd, web_env, log)
    wait_http(f"http://127.0.0.1:{port}/healthz", web)
    return web


def capture(base: str, pages: dict, folder: Path) -> dict[str, bool]:
    """Save each loaded page's HTML for the static copy; whether the page cache
    serves it (a second request answered from the cache)."""
    import requests

    cached = {}
    for name in LOADED:
        first = requests.get(base + pages[name], timeout=60)
        first.raise_for_status()
        (folder / f"{name}.html").write_bytes(first.content)
        second = requests.get(base + pages[name], timeout=60)
        cached[name] = second.headers.get("X-Portal-Cache") == "hit"
    return cached


def warm_up(base: str, pages: dict) -> None:
    """Untimed requests to every loaded page and its static copy, enough to reach
    each worker thread: a fresh server's first answers pay imports, template
    compilation and connections that no later request does."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    paths = [pages[name] for name in LOADED]
    paths += [f"/static-copy/{name}" for name in LOADED]

    def get(path: str) -> None:
        requests.get(base + path, timeout=60).raise_for_status()

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        list(pool.map(get, paths * 2 * CONNECTIONS))


def load_all(base: str, pages: dict, seconds: int, label: str, results: dict) -> None:
    warm_up(base, pages)
    for name in LOADED:
        print(f"  wrk {name} ({label}) {seconds} s at c={CONNECTIONS}", flush=True)
        results[f"{name}:{label}"] = wrk_load(base + pages[name], seconds, CONNECTIONS)
        results[f"{name}:static-{label}"] = wrk_load(
            f"{base}/static-copy/{name}", seconds, CONNECTIONS
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
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
    print("pages: " + ", ".join(f"{k} {v}" for k, v in pages.items()))

    SCRATCH.mkdir(parents=True, exist_ok=True)
    env["BENCH_STATIC_DIR"] = str(SCRATCH)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    results: dict[str, dict] = {}
    web = None
    try:
        web = gunicorn(env, port, SCRATCH / "gunicorn-warm.log", cache_ttl=300)
        cached = capture(base, pages, SCRATCH)
        weights = measure_weights(chromium, base, pages)
        print(f"page cache serves: {cached}")
        load_all(base, pages, args.seconds, "warm", results)
        stop(web)
        web = gunicorn(env, port, SCRATCH / "gunicorn-cold.log", cache_ttl=0)
        load_all(base, pages, args.seconds, "cold", results)
    finally:
        stop(web)
        print(f"logs: {SCRATCH}")
    if args.drop_db:
        from django.db import connections

        connections.close_all()
        drop_database(env["DATABASE_URL"], BENCH_DB)
    from bench.portal.report import print_report

    print_report(weights, results, cached, BUDGET_KB)


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

"""Benchmark of the headless API on the production server type, on many distinct URLs.

    eval "$(make -s services)"
    .venv/bin/python bench/api/run.py [--items N] [--seconds S]     # or: make bench-api

A scratch PostgreSQL database ``sipanganten_apibench_zipf`` (kept between runs:
re-runs skip the import; ``--drop-db`` drops it at the end) gets N generated items
(default 10,000, ``bench/importer/generate.py``, text drawn from the Zipf-like
``bench/corpus.py``). Two servers of the production type (gunicorn with 2
``uvicorn_worker.UvicornWorker`` processes on ``bench.api.asgi:application``, ASGI as
in docs/production.md; settings ``bench.api.settings`` = production + Wagtail API v2)
serve them with PostgreSQL and Redis: one with our server-side response cache off, one
with it on. wrk (Debian package ``wrk``, 2 threads, concurrency 16) loads each target
for S seconds through a Lua script cycling over its URLs; every round runs every
target once, three rounds interleaved, medians reported:

* **uncached**, same server: ours vs Wagtail's API v2 on the same pages. Lists: one
  URL per (OPD, content type), first page and the next (our cursor, v2's offset);
  details: >= 500 distinct items. Target ours >= 3x v2 (issue #15).
* **first read**: details are rendered once per published revision and kept
  (``api/v1/stored_details.py``); every stored rendering is dropped before the
  servers start, then one request at a time: v2's details, ours on their first read
  (rendered and stored), ours again (stored). p50 of each: what the first reader
  after an edit pays. The wrk rounds measure the stored path (the warm-up reads
  every URL once).
* **cached**: ours from the response cache (every URL warmed first) vs a true static
  limit: captured bytes of our response served by a bare ASGI callable in front of
  Django in the same server (``bench/api/asgi.py``: no Django, no middleware, no
  Redis).

Both servers use Django's psycopg pool, as production does by default
(``DATABASE_POOL_SIZE``, 8). ``--no-db-pool`` sets ``DATABASE_POOL_SIZE=0``: each
request then opens a PostgreSQL connection of its own (``CONN_MAX_AGE=0``), as in the
earlier runs of docs/api/access-and-caching.md; both sides pay it, and the ratios fall
(2.05x list, 2.17x detail on 2026-12-08, where the pool gave 3.50x and 4.81x).

Prints requests/s, p50 and p99 latency of each, and the ratios.
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
from bench.common import (  # noqa: E402
    asgi_cmd,
    bench_env,
    drop_database,
    free_port,
    import_corpus,
    run_child,
    start,
    stop,
    wait_http,
)
from bench.wrk import wrk_paths_script, wrk_rounds  # noqa: E402

# Named after the corpus: a database imported from the old 19-word generator would
# be reused silently (re-runs skip the import when the item count matches).
BENCH_DB = "sipanganten_apibench_zipf"
CONNECTIONS = 16
ROUNDS = 3
DETAILS = 600
APP = "bench.api.asgi:application"


def scratch_env() -> dict[str, str]:
    return bench_env(
        "api",
        BENCH_DB,
        redis_db=13,
        ELASTICSEARCH_URL="",  # not needed: no search here
        API_RATE_ANON="100000000/min",  # the load comes from one address
        API_SERVER_CACHE_TTL="86400",  # warmed entries must outlive the rounds
    )


def pick_targets() -> dict:
    """Distinct URL pairs (ours, Wagtail v2's) for lists and details."""
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType

    from api.models import StoredDetail
    from cms.content.models import CONTENT_TYPES
    from cms.content.selectors import public_items
    from cms.opd.selectors import opd_list

    # Only (OPD, type) pairs with items: an empty list would flatter both sides.
    present = set(public_items().values_list("opd_id", "content_type_id").distinct())
    lists = []
    for opd in opd_list().order_by("slug"):
        for code, model in CONTENT_TYPES.items():
            content_type = ContentType.objects.get_for_model(model)
            if (opd.pk, content_type.pk) not in present:
                continue
            ours = f"/api/v1/content/?opd={opd.slug}&type={code}&page_size=20"
            v2 = (
                f"/api/v2/pages/?type={model._meta.label}&child_of={opd.pk}"
                "&limit=20&order=-first_published_at"
            )
            lists.append((ours, v2))
    # Every detail starts unrendered, as right after publishing (api.models).
    StoredDetail.objects.all().delete()
    ids = sorted(public_items().values_list("pk", flat=True))
    ids = random.Random(15).sample(ids, min(DETAILS, len(ids)))
    details = [(f"/api/v1/content/{pk}/", f"/api/v2/pages/{pk}/") for pk in ids]
    return {"lists": lists, "details": details}


def second_pages(base: str, lists: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The next page of each list with one: our cursor, v2's offset."""
    import requests

    more = []
    for ours, v2 in lists:
        body = requests.get(base + ours, timeout=60).json()
        if body.get("next"):
            more.append((body["next"].removeprefix(base), v2 + "&offset=20"))
    return more


def check_and_warm(base: str, paths: list[str]) -> None:
    """Every URL answers 200 (and, on the cached server, is stored)."""
    from concurrent.futures import ThreadPoolExecutor

    import requests

    def get(path: str) -> None:
        response = requests.get(base + path, timeout=120)
        if response.status_code != 200:
            raise RuntimeError(f"{path}: HTTP {response.status_code}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(get, paths))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--drop-db", action="store_true")
    parser.add_argument(
        "--db-pool",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="serve with Django's psycopg connection pool, as production (default)",
    )
    parser.add_argument("--phase", choices=["import"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        result = import_corpus(BENCH_DB, args.items, "bench-api")
        print("RESULT " + json.dumps(result), flush=True)
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    import requests

    env = scratch_env()
    print(f"Scratch DB {BENCH_DB}, {args.items} items", flush=True)
    imported = run_child(__file__, "import", args.items, env, timeout=3 * 3600)
    print(f"import: {imported}")
    os.environ.update(env)
    pairs = pick_targets()

    tmp = Path(tempfile.mkdtemp(prefix="bench-api-"))
    env["BENCH_STATIC_DIR"] = str(tmp)
    env["DATABASE_POOL_SIZE"] = "8" if args.db_pool else "0"
    servers, results = {}, {}
    try:
        for mode in ("off", "on"):
            port = free_port()
            proc = start(
                asgi_cmd(port, APP),
                env | {"BENCH_API_CACHE": mode},
                tmp / f"gunicorn-cache-{mode}.log",
            )
            servers[mode] = (f"http://127.0.0.1:{port}", proc)
        for base, proc in servers.values():
            wait_http(f"{base}/healthz", proc)
        uncached = servers["off"][0]
        lists = pairs["lists"] + second_pages(uncached, pairs["lists"])
        details = pairs["details"]
        print(
            f"ASGI (gunicorn + 2 uvicorn workers), DB pool {args.db_pool}; "
            f"{len(lists)} distinct list URLs, "
            f"{len(details)} distinct detail URLs per side",
            flush=True,
        )
        sets = {
            "list": ([o for o, _ in lists], [v for _, v in lists]),
            "detail": ([o for o, _ in details], [v for _, v in details]),
        }
        first = first_reads(uncached, *sets["detail"])
        targets = {}
        for kind, (ours, v2) in sets.items():
            # Both sides of each comparison warmed alike on their server.
            check_and_warm(uncached, v2)
            check_and_warm(uncached, ours)
            check_and_warm(servers["on"][0], ours)  # also fills the response cache
            sample = requests.get(uncached + ours[0], timeout=60)
            (tmp / f"{kind}.json").write_bytes(sample.content)
            print(f"  {kind}: e.g. {ours[0]} ({len(sample.content)} bytes)")
            script = wrk_paths_script
            targets[f"ours-{kind}"] = (uncached, script(ours, tmp, f"ours-{kind}"))
            targets[f"v2-{kind}"] = (uncached, script(v2, tmp, f"v2-{kind}"))
            cached = servers["on"][0]
            targets[f"cached-{kind}"] = (cached, script(ours, tmp, f"cached-{kind}"))
            targets[f"static-{kind}"] = (f"{cached}/static-limit/{kind}", None)
        results, _runs = wrk_rounds(targets, ROUNDS, args.seconds, CONNECTIONS)
    finally:
        for _base, proc in servers.values():
            stop(proc)
        print(f"logs: {tmp}")
    if args.drop_db:
        from django.db import connections

        connections.close_all()
        drop_database(env["DATABASE_URL"], BENCH_DB)
    sys.exit(report(results, first))


def first_reads(base: str, ours: list[str], v2: list[str], count: int = 200) -> dict:
    """One request at a time, p50 ms: Wagtail v2's details, then ours on their first
    read since publishing (no stored rendering yet: ``pick_targets`` dropped them),
    then ours again (stored). What a reader pays right after an edit."""
    import statistics
    import time

    import requests

    def p50(paths: list[str]) -> float:
        took = []
        with requests.Session() as session:
            for path in paths[:count]:
                started = time.perf_counter()
                response = session.get(base + path, timeout=60)
                took.append(time.perf_counter() - started)
                if response.status_code != 200:
                    raise RuntimeError(f"{path}: HTTP {response.status_code}")
        return statistics.median(took) * 1000

    return {"v2": p50(v2), "first": p50(ours), "stored": p50(ours)}


def report(results: dict[str, dict], first: dict[str, float]) -> int:
    print()
    print(f"{'endpoint':<16}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>9}")
    print("-" * 55)
    for name, r in results.items():
        print(
            f"{name:<16}{r['rps']:>10.0f}{r['p50']:>10.1f}{r['p99']:>10.1f}"
            f"{r['errors']:>9}"
        )
    print()
    if any(r["errors"] or not r["rps"] for r in results.values()):
        print("INVALID: a target failed or answered nothing (raise --seconds)")
        return 1
    for kind in ("list", "detail"):
        ours = results[f"ours-{kind}"]["rps"]
        v2 = results[f"v2-{kind}"]["rps"]
        cached = results[f"cached-{kind}"]["rps"]
        static = results[f"static-{kind}"]["rps"]
        print(
            f"{kind}: uncached ours/Wagtail v2 = {ours / v2:.2f}x (target >= 3: "
            f"{'met' if ours / v2 >= 3 else 'MISSED'}); cached ours/static limit = "
            f"{cached / static:.2f}x (medians of {ROUNDS} interleaved rounds)"
        )
    print(
        f"detail, one request at a time (p50): Wagtail v2 {first['v2']:.1f} ms; ours "
        f"on the first read after publishing {first['first']:.1f} ms "
        f"({first['first'] / first['v2']:.2f}x v2's time), stored "
        f"{first['stored']:.1f} ms ({first['stored'] / first['v2']:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    main()

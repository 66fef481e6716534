"""Benchmark of the public search: reindex, query latency, publish-to-searchable.

    eval "$(bash scripts/services.sh start)"     # or: eval "$(make -s services)"
    .venv/bin/python bench/search/run.py [--items N]   # N defaults to 100000

Everything runs against a scratch PostgreSQL database ``sipanganten_searchbench`` (on
the server of DATABASE_URL; kept between runs so re-runs skip the import, drop it with
``--drop-db``) and the scratch Elasticsearch prefix ``bench-search`` (alias
``bench-search-public``; the raw baseline index is ``bench-search-raw``). Loopback only.

1. Corpus: ``bench/importer/generate.py`` writes N JSON Lines items (about 2% bad,
   10% drafts, media types as drafts), imported with ``content_import`` in a child
   process (Celery tasks only enqueued into a memory broker, as in bench/importer).
   Skipped when the scratch database already holds the good items of that file.
2. Reindex: ``search_reindex`` (the service behind the command) in a child process:
   first once with ``rebuild=True`` (every document built afresh and stored;
   reported), then the default (stored documents of unchanged pages resent; the
   target) in ``--reindex-rounds`` (5) rounds interleaved with the baseline: the
   SAME documents built in memory once (``public_documents``, untimed), then sent
   with the raw client's ``streaming_bulk`` (same chunk size, refresh at the end, as
   the reindex does) into ``bench-search-raw``; the order alternates round to round.
   Medians of docs/s, the median of the per-round ratios, and the reindex's peak RSS
   (``ru_maxrss``). Targets: ratio >= 0.7, RSS < 300 MB.
3. Throughput (``latency.py``): the production server (gunicorn with ``--workers``
   uvicorn workers, by default one per core: two per core measured slower here, see
   docs/search-speed.md;
   ``bench.search.settings``: production, its psycopg pool included, none with
   ``DATABASE_POOL_SIZE=0``; each request's sync code runs in a thread of its own, so
   Elasticsearch sees as many queries in flight from us as from the raw side)
   answering ``/api/v1/search/?q=`` and the portal's ``/cari/?q=``, vs. the same
   bodies (``build_search_body``) POSTed straight to Elasticsearch, all at
   concurrency 8, on ``--queries`` (1,000) distinct queries from ``bench/corpus.py``,
   in ``--rounds`` (4) interleaved rounds; medians printed. Targets: API throughput
   >= 0.8x raw Elasticsearch; portal page within 1.2x of the API. Each side also
   prints the CPU per request of our server, Elasticsearch and the load generator
   (``cpu.py``, from /proc): on one shared machine those sums set the ratios.
4. Publish-to-searchable: a real Celery worker (``--pool=solo -Q sipanganten``) on a
   scratch Redis DB; 30 draft pages of the corpus published one by one with
   ``save_revision().publish()``, Elasticsearch polled every 20 ms (term on
   ``object_key``) until each is found. Target: p95 < 2 s.

Where a request's time goes: ``bench/search/profile_request.py`` (one process, the
same scratch database, index and queries; ms and SQL per request of each side, and
``--cprofile SIDE``).

Before step 4 the outbox rows left by the import are deleted (the reindex just wrote
everything they stand for), so the worker only sees the benchmark's own publishes.
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
from bench import corpus  # noqa: E402
from bench.common import (  # noqa: E402
    asgi_cmd,
    bench_env,
    collect_static,
    database_exists,
    drop_database,
    free_port,
    import_corpus,
    percentile,
    run_child,
    start,
    stop,
    wait_http,
    with_db,
)
from bench.search import cpu  # noqa: E402
from bench.search.latency import FUZZY, SIDES, compare  # noqa: E402

BENCH_DB = "sipanganten_searchbench"
PREFIX = "bench-search"
RAW_INDEX = f"{PREFIX}-raw"
VENV_BIN = Path(sys.executable).parent
CONCURRENCY = 8
WARMUP = 40
PUBLISHES = 30
POLL_SECONDS = 0.02
PUBLISH_TIMEOUT = 30.0


# --- environment --------------------------------------------------------------------


def scratch_env() -> dict[str, str]:
    """The env of every process of the benchmark (children and this one)."""
    broker = with_db(os.environ.get("REDIS_URL", ""), "12")
    return bench_env(
        "search",  # production + a DB pool
        BENCH_DB,
        redis_db=11,
        services=("DATABASE_URL", "ELASTICSEARCH_URL", "REDIS_URL"),
        STATIC_ROOT=str(Path(tempfile.gettempdir()) / "bench-search-static"),
        ELASTICSEARCH_INDEX_PREFIX=PREFIX,
        # A real worker for publish-to-searchable, on a scratch Redis DB.
        CELERY_BROKER_URL=broker,
        CELERY_RESULT_BACKEND=broker,
        CELERY_TASK_ALWAYS_EAGER="false",
        API_RATE_ANON="10000000/min",  # the load comes from one address
    )


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# --- child phases ---------------------------------------------------------------------


def phase_import(items: int) -> dict:
    return import_corpus(BENCH_DB, items, "bench-search")


def phase_reindex(rebuild: bool) -> dict:
    import django

    django.setup()
    from search.client import get_client
    from search.indexing.reindex import search_reindex

    started = time.perf_counter()
    report = search_reindex(get_client(), chunk_size=500, rebuild=rebuild)
    wall = time.perf_counter() - started
    return {
        "written": report.written,
        "skipped": report.skipped,
        "seconds": report.seconds,
        "wall": wall,
        "index": report.index,
        "rss_mb": _rss_mb(),
    }


# --- main-process steps -------------------------------------------------------------


def raw_actions() -> tuple[list[dict], float]:
    """The reindex's documents as bulk actions, built in memory (untimed) once for
    every round of the baseline; and how long building them took."""
    from search.indexing.keys import page_key
    from search.indexing.source import public_documents

    started = time.perf_counter()
    actions = [
        {
            "_op_type": "index",
            "_index": RAW_INDEX,
            "_id": page_key(pk),
            "version": version,
            "version_type": "external",
            "_source": doc,
        }
        for pk, version, doc in public_documents(chunk_size=500)
        if doc is not None
    ]
    return actions, time.perf_counter() - started


def raw_bulk(client, actions: list[dict]) -> dict:
    """The baseline: the same documents as the reindex, already built, sent into a
    fresh index as the reindex sends them (same chunks, refresh at the end)."""
    from elasticsearch.helpers import streaming_bulk

    from search import index_management as im
    from search.indexing.bulk import MAX_REQUEST_CHARS

    client.options(ignore_status=404).indices.delete(index=RAW_INDEX)
    body = im.index_body()
    body["settings"] = {**body["settings"], "refresh_interval": "-1"}
    client.indices.create(index=RAW_INDEX, **body)
    started = time.perf_counter()
    ok_count = 0
    for ok, _item in streaming_bulk(
        client,
        actions,
        chunk_size=500,
        max_chunk_bytes=MAX_REQUEST_CHARS,
        max_retries=3,
        raise_on_error=False,
    ):
        ok_count += ok
    client.indices.put_settings(index=RAW_INDEX, settings={"refresh_interval": None})
    client.indices.refresh(index=RAW_INDEX)
    seconds = time.perf_counter() - started
    client.indices.delete(index=RAW_INDEX)
    return {"written": ok_count, "seconds": seconds}


def publish_bench(client) -> dict:
    from cms.celery import app as celery_app
    from cms.content.accessibility import page_accessibility_problems
    from cms.content.models import CONTENT_TYPES
    from search.documents import alias_name

    deadline = time.monotonic() + 60
    while not celery_app.control.ping(timeout=1):
        if time.monotonic() > deadline:
            raise RuntimeError("Celery worker did not answer a ping in 60 s")
    pages = []
    for model in CONTENT_TYPES.values():
        pages += list(model.objects.filter(live=False).order_by("pk")[:PUBLISHES])
    # Only drafts an editor could publish (a video needs its file...).
    pages = [p for p in pages if not page_accessibility_problems(p)]
    pages = sorted(pages, key=lambda p: p.pk)[:PUBLISHES]
    if len(pages) < PUBLISHES:
        print(f"  only {len(pages)} drafts left to publish (re-runs use them up)")
    latencies, publish_calls, timeouts = [], [], 0
    for page in pages:
        key = f"page:{page.pk}"
        started = time.perf_counter()
        page.save_revision().publish()
        publish_calls.append(time.perf_counter() - started)
        limit = started + PUBLISH_TIMEOUT
        while True:
            found = client.search(
                index=alias_name(), query={"term": {"object_key": key}}, size=0
            )["hits"]["total"]["value"]
            now = time.perf_counter()
            if found:
                latencies.append(now - started)
                break
            if now > limit:
                timeouts += 1
                break
            time.sleep(POLL_SECONDS)
    if not latencies:
        raise RuntimeError("no published page became searchable")
    return {
        "n": len(latencies),
        "timeouts": timeouts,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "max": max(latencies),
        "publish_p50": percentile(publish_calls, 50),
    }


def build_phases(args, env) -> dict:
    """Import, the reindex with --rebuild (reported), then ``--reindex-rounds``
    interleaved rounds of the reindex and the raw bulk baseline (not with
    --latency-only)."""
    imported = run_child(__file__, "import", args.items, env, timeout=4 * 3600)
    if imported["skipped"]:
        print(f"import: skipped, {imported['items']} items already there")
    else:
        rate = imported["items"] / imported["seconds"]
        print(
            f"import: {imported['items']} items in {imported['seconds']:.1f} s "
            f"({rate:.0f}/s)"
        )
    print("reindex --rebuild (child process: builds every document)...", flush=True)
    rebuild = run_child(__file__, "rebuild", args.items, env, timeout=3600)
    print(f"  {rebuild}")
    os.environ.update(env)
    import django

    django.setup()
    from search.client import get_client
    from search.indexing.models import SearchOutbox

    actions, built_in = raw_actions()
    print(f"raw baseline: {len(actions)} documents built in memory in {built_in:.1f} s")
    rounds = []
    for n in range(args.reindex_rounds):
        # The order alternates: neither side always runs on a cooler machine.
        measured = {}
        for side in ("reindex", "raw") if n % 2 == 0 else ("raw", "reindex"):
            if side == "reindex":
                measured[side] = run_child(
                    __file__, "reindex", args.items, env, timeout=3600
                )
            else:
                measured[side] = raw_bulk(get_client(), actions)
        reindex, raw = measured["reindex"], measured["raw"]
        rounds.append(
            {
                "reindex_rate": reindex["written"] / reindex["seconds"],
                "raw_rate": raw["written"] / raw["seconds"],
                "written": reindex["written"],
                "raw_written": raw["written"],
                "rss_mb": reindex["rss_mb"],
            }
        )
        print(
            f"  reindex round {n + 1}/{args.reindex_rounds}: reindex "
            f"{rounds[-1]['reindex_rate']:.0f} docs/s ({reindex['seconds']:.1f} s), "
            f"raw bulk {rounds[-1]['raw_rate']:.0f} docs/s ({raw['seconds']:.1f} s)",
            flush=True,
        )
    stale, _ = SearchOutbox.objects.all().delete()
    print(f"deleted {stale} outbox rows left by the import (the reindex covered them)")
    return {
        "imported": imported,
        "rebuild": rebuild,
        "rounds": rounds,
        "docs": len(actions),
        "build_seconds": built_in,
    }


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def build_rows(built: dict) -> list[tuple]:
    imported, rebuild, rounds = (built[k] for k in ("imported", "rebuild", "rounds"))
    n = len(rounds)
    re_rate = statistics.median(r["reindex_rate"] for r in rounds)
    raw_rate = statistics.median(r["raw_rate"] for r in rounds)
    # Paired within a round, then the median (as the search sides).
    ratio = statistics.median(r["reindex_rate"] / r["raw_rate"] for r in rounds)
    rebuild_rate = rebuild["written"] / rebuild["seconds"]
    took = (
        "skipped (already there)"
        if imported["skipped"]
        else f"{imported['seconds']:.1f} s"
    )
    reindex_rss = max(r["rss_mb"] for r in rounds)
    peak = max(reindex_rss, rebuild["rss_mb"])
    return [
        ("import", f"{imported['items']} items", took, ""),
        (
            "reindex (search_reindex)",
            f"{rounds[0]['written']} docs, {n} rounds",
            f"{re_rate:.0f} docs/s (median)",
            "",
        ),
        (
            "reindex --rebuild",
            f"{rebuild['written']} docs",
            f"{rebuild_rate:.0f} docs/s ({rebuild['seconds']:.1f} s), "
            f"{rebuild['rss_mb']:.0f} MB",
            f"ratio {rebuild_rate / raw_rate:.2f} (report)",
        ),
        (
            "raw streaming_bulk",
            f"{rounds[0]['raw_written']} docs, {n} rounds",
            f"{raw_rate:.0f} docs/s (median)",
            "",
        ),
        (
            "  docs built (untimed)",
            f"{built['docs']} docs",
            f"{built['build_seconds']:.1f} s in memory, {_rss_mb():.0f} MB bench RSS",
            "",
        ),
        (
            "ratio reindex/raw",
            "median of per-round ratios",
            f"{ratio:.2f} (ratio of the medians {re_rate / raw_rate:.2f})",
            f">= 0.7 {verdict(ratio >= 0.7)}",
        ),
        (
            "reindex peak RSS",
            "",
            f"{reindex_rss:.0f} MB (--rebuild {rebuild['rss_mb']:.0f} MB)",
            f"< 300 MB {verdict(peak < 300)}",
        ),
    ]


def search_rows(sides: dict) -> list[tuple]:
    labels = {
        "raw": "ES _search direct",
        "api": "API /api/v1/search/",
        "portal": "portal /cari/",
        FUZZY: "ES, old fuzzy highlight",
    }
    rows = [
        (
            labels[side],
            f"{s['n']} q, {s['rounds']} rounds, c={CONCURRENCY}",
            f"{s['rps']:.1f} req/s  p50 {s['p50']:.0f} ms  p95 {s['p95']:.0f} ms",
            "",
        )
        for side, s in sides.items()
        if side != "ratios"
    ]
    api_ratio = sides["ratios"]["api", "raw"]
    of_medians = sides["api"]["rps"] / sides["raw"]["rps"]
    portal_ratio = 1 / sides["ratios"]["portal", "api"]  # portal time / API time
    if "cpu_server" in sides["raw"]:
        rows += [
            (
                f"CPU per request: {labels[side].split()[0]}",
                "ms, median of rounds",
                f"server {s['cpu_server']:.2f}  ES {s['cpu_elasticsearch']:.2f}  "
                f"load generator {s['cpu_load']:.2f}",
                "",
            )
            for side, s in sides.items()
            if side != "ratios"
        ]
    rows += [
        (
            "throughput API/ES",
            "median of per-round ratios",
            f"{api_ratio:.2f}x (ratio of the medians {of_medians:.2f}x)",
            f">= 0.8x {verdict(api_ratio >= 0.8)}",
        ),
        (
            "p95 API/ES (report)",
            "",
            f"{sides['api']['p95'] / sides['raw']['p95']:.2f}x",
            "",
        ),
        (
            "portal vs API",
            "median of per-round ratios",
            f"{portal_ratio:.2f}x the API's time per request",
            f"<= 1.2x {verdict(portal_ratio <= 1.2)}",
        ),
    ]
    return rows


def publish_rows(pub: dict) -> list[tuple]:
    return [
        (
            "publish-to-searchable",
            f"{pub['n']} pages, {pub['timeouts']} timeouts",
            f"p50 {pub['p50']:.2f} s  p95 {pub['p95']:.2f} s  max {pub['max']:.2f} s",
            f"< 2 s {verdict(pub['p95'] < 2 and not pub['timeouts'])}",
        )
    ]


def main() -> None:
    global CONCURRENCY
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=1000, help="distinct ones")
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument(
        "--reindex-rounds",
        type=int,
        default=5,
        help="interleaved rounds of the reindex and the raw bulk baseline",
    )
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="uvicorn workers (default: one per core; docs/search-speed.md)",
    )
    parser.add_argument(
        "--latency-only",
        action="store_true",
        help="skip import, reindexes, bulk baseline and publishes (index exists)",
    )
    parser.add_argument(
        "--fuzzy-highlight",
        action="store_true",
        help="also send the raw bodies with the old fuzzy highlight (a report)",
    )
    parser.add_argument("--drop-db", action="store_true", help="drop it at the end")
    parser.add_argument(
        "--phase", choices=["import", "rebuild", "reindex"], help=argparse.SUPPRESS
    )
    args = parser.parse_args()

    if args.phase:  # a child process: env already set by the parent
        if args.phase == "import":
            result = phase_import(args.items)
        else:
            result = phase_reindex(rebuild=args.phase == "rebuild")
        print("RESULT " + json.dumps(result), flush=True)
        return

    CONCURRENCY = args.concurrency
    env = scratch_env()
    size = "the index as it is" if args.latency_only else f"{args.items} items"
    if args.latency_only and not database_exists(env["DATABASE_URL"], BENCH_DB):
        sys.exit(
            f"--latency-only needs the scratch database {BENCH_DB}: run once "
            "without it (import and reindex, a few minutes for 10,000 items)"
        )
    print(f"Scratch DB {BENCH_DB}, ES prefix {PREFIX}, {size}", flush=True)
    rows = [] if args.latency_only else build_rows(build_phases(args, env))
    os.environ.update(env)
    import django

    django.setup()
    from search.client import get_client

    drawn = corpus.queries(args.queries + WARMUP, seed=15)
    timed, warm = drawn[: args.queries], drawn[args.queries :]
    tmp = Path(tempfile.mkdtemp(prefix="bench-search-"))
    collect_static(env)  # the portal page needs them
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    web = worker = None
    try:
        web = start(asgi_cmd(port, workers=args.workers), env, tmp / "gunicorn.log")
        if not args.latency_only:
            worker = start(
                [
                    str(VENV_BIN / "celery"),
                    *("-A", "cms", "worker", "--pool=solo", "-Q", "sipanganten"),
                    *("--loglevel=WARNING", "--without-mingle", "--without-gossip"),
                    *("-n", f"searchbench-{os.getpid()}@localhost"),
                ],
                env,
                tmp / "celery.log",
            )
        wait_http(f"{base}/api/v1/search/?q=banten", web)
        print(
            f"search: {len(timed)} distinct queries (corpus vocabulary "
            f"{len(corpus.vocabulary()):,} words), {args.rounds} interleaved rounds, "
            f"concurrency {CONCURRENCY} on every side (gunicorn, {args.workers} "
            "uvicorn workers)",
            flush=True,
        )
        probe = (
            cpu.CpuProbe(web.pid, cpu.es_pid(get_client())) if cpu.available() else None
        )
        if probe is not None:
            waited = cpu.settle(probe)
            print(f"waited {waited:.0f} s for Elasticsearch to settle", flush=True)
        sides = compare(
            env["ELASTICSEARCH_URL"],
            base,
            timed,
            warm=warm,
            rounds=args.rounds,
            concurrency=CONCURRENCY,
            sides=SIDES + ((FUZZY,) if args.fuzzy_highlight else ()),
            probe=probe,
        )
        rows += search_rows(sides)
        if not args.latency_only:
            print(f"publish-to-searchable: {PUBLISHES} publishes...", flush=True)
            rows += publish_rows(publish_bench(get_client()))
    finally:
        stop(web)
        stop(worker)
        print(f"logs: {tmp}")
    if args.drop_db:
        from django.db import connections

        connections.close_all()
        drop_database(env["DATABASE_URL"], BENCH_DB)
    print()
    print(f"{'figure':<28}{'size':<28}{'value':<48}target")
    print("-" * 118)
    for name, size, value, target in rows:
        print(f"{name:<28}{size:<28}{value:<48}{target}")


if __name__ == "__main__":
    main()

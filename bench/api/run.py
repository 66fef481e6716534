"""Benchmark of the headless API under a production server, with a real load generator.

    eval "$(make -s services)"
    .venv/bin/python bench/api/run.py [--items N] [--seconds S]     # or: make bench-api

A scratch PostgreSQL database ``sipanganten_apibench`` (kept between runs: re-runs skip
the import; ``--drop-db`` drops it at the end) gets N generated items (default 10,000,
``bench/importer/generate.py``). gunicorn (2 workers x 8 threads; settings
``bench.api.settings`` = production + Wagtail API v2 + a static-copy view) serves them
with PostgreSQL and Redis (scratch Redis DB 13 for the cache). wrk (Debian package
``wrk``) loads each URL for S seconds at concurrency 16 (2 threads), one after the
other, three rounds interleaved (medians reported), in the same run:

* ours: ``/api/v1/content/?opd=<busiest OPD>&type=rilis&page_size=20``, and a detail;
* Wagtail's API v2 serving the same pages (``/api/v2/pages/?type=content.NewsPage&
  child_of=<OPD id>&limit=20``, and ``/api/v2/pages/<id>/``) — target ours >= 2x;
* the same JSON bytes as ours served as a static response by the same server (Django
  view returning captured bytes) — the practical limit; target ours within 1.5x;
* the 304 path (``If-None-Match`` with the ETag) vs. the full response.

Prints requests/s and p99 latency of each, and the ratios.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
from bench.common import (  # noqa: E402
    drop_database,
    free_port,
    gunicorn_cmd,
    import_corpus,
    median_of,
    run_child,
    start,
    stop,
    wait_http,
    with_db,
    wrk_load,
)

BENCH_DB = "sipanganten_apibench"
CONNECTIONS = 16
ROUNDS = 3


def scratch_env() -> dict[str, str]:
    env = dict(os.environ)
    for key in ("DATABASE_URL", "REDIS_URL"):
        if not env.get(key):
            sys.exit(f'{key} is not set: eval "$(make -s services)"')
    if not env["DATABASE_URL"].startswith("postgres"):
        sys.exit("DATABASE_URL must point at PostgreSQL")
    redis = env["REDIS_URL"]
    env.update(
        DATABASE_URL=with_db(env["DATABASE_URL"], BENCH_DB),
        DJANGO_SETTINGS_MODULE="bench.api.settings",
        SECRET_KEY="bench-api-not-secret-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        CACHE_URL=with_db(redis, "13"),
        CELERY_BROKER_URL="memory://",
        CELERY_RESULT_BACKEND="cache+memory://",
        ELASTICSEARCH_URL="",  # not needed: no search here
        API_RATE_ANON="100000000/min",  # the load comes from one address
        LOG_LEVEL=env.get("LOG_LEVEL", "WARNING"),
        PYTHONUNBUFFERED="1",
        PYTHONPATH=str(ROOT),
    )
    return env


def pick_targets() -> dict:
    """The busiest OPD for news releases, and its newest release."""
    import django

    django.setup()
    from django.db.models import Count

    from cms.content.models import NewsPage

    row = (
        NewsPage.objects.live()
        .values("opd__slug", "opd_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    newest = (
        NewsPage.objects.live()
        .filter(opd_id=row["opd_id"])
        .order_by("-publish_date")
        .first()
    )
    return {
        "slug": row["opd__slug"],
        "opd_id": row["opd_id"],
        "n": row["n"],
        "detail_id": newest.pk,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--drop-db", action="store_true")
    parser.add_argument("--phase", choices=["import"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        result = import_corpus(BENCH_DB, args.items, "bench-api")
        print("RESULT " + json.dumps(result), flush=True)
        return
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")

    env = scratch_env()
    print(f"Scratch DB {BENCH_DB}, {args.items} items", flush=True)
    imported = run_child(__file__, "import", args.items, env, timeout=3 * 3600)
    print(f"import: {imported}")
    os.environ.update(env)
    target = pick_targets()
    print(
        f"OPD {target['slug']} ({target['n']} releases), detail {target['detail_id']}"
    )

    import requests

    tmp = Path(tempfile.mkdtemp(prefix="bench-api-"))
    env["BENCH_STATIC_DIR"] = str(tmp)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    ours = {
        "list": f"{base}/api/v1/content/?opd={target['slug']}&type=rilis&page_size=20",
        "detail": f"{base}/api/v1/content/{target['detail_id']}/",
    }
    wagtail = {
        "list": f"{base}/api/v2/pages/?type=content.NewsPage&child_of="
        f"{target['opd_id']}&limit=20&order=-first_published_at",
        "detail": f"{base}/api/v2/pages/{target['detail_id']}/",
    }
    static = {kind: f"{base}/api/static-copy/{kind}" for kind in ours}
    web = None
    results: dict[str, dict] = {}
    try:
        web = start(
            gunicorn_cmd(port, threads=8),
            env,
            tmp / "gunicorn.log",
        )
        wait_http(f"{base}/healthz", web)
        etags = {}
        for kind, url in {**ours, **{f"v2-{k}": u for k, u in wagtail.items()}}.items():
            response = requests.get(url, timeout=30)
            if response.status_code != 200:
                raise RuntimeError(f"{url}: HTTP {response.status_code}")
            if kind in ours:
                (tmp / f"{kind}.json").write_bytes(response.content)
                etags[kind] = response.headers.get("ETag", "")
                print(f"  {kind}: {len(response.content)} bytes, ETag {etags[kind]}")
            else:
                print(f"  {kind}: {len(response.content)} bytes")
        # Each target ROUNDS times, interleaved, median kept: on 2 shared cores a
        # single run of one target swings with whatever else is running.
        targets = {}
        for kind in ours:
            targets[f"ours-{kind}"] = (ours[kind], None)
            targets[f"v2-{kind}"] = (wagtail[kind], None)
            targets[f"static-{kind}"] = (static[kind], None)
            if etags[kind]:
                targets[f"304-{kind}"] = (ours[kind], {"If-None-Match": etags[kind]})
        runs: dict[str, list[dict]] = {name: [] for name in targets}
        for round_ in range(ROUNDS):
            print(
                f"round {round_ + 1}/{ROUNDS}: wrk {args.seconds} s per target at "
                f"c={CONNECTIONS}...",
                flush=True,
            )
            for name, (url, headers) in targets.items():
                runs[name].append(wrk_load(url, args.seconds, CONNECTIONS, headers))
        results = {name: median_of(values) for name, values in runs.items()}
    finally:
        stop(web)
        print(f"logs: {tmp}")
    if args.drop_db:
        from django.db import connections

        connections.close_all()
        drop_database(env["DATABASE_URL"], BENCH_DB)
    report(results)


def report(results: dict[str, dict]) -> None:
    print()
    print(f"{'endpoint':<16}{'req/s':>10}{'p99 ms':>10}{'non-2xx':>9}")
    print("-" * 45)
    for name, r in results.items():
        print(f"{name:<16}{r['rps']:>10.0f}{r['p99']:>10.1f}{r['errors']:>9}")
    print()
    for kind in ("list", "detail"):
        ours = results[f"ours-{kind}"]["rps"]
        v2 = results[f"v2-{kind}"]["rps"]
        static = results[f"static-{kind}"]["rps"]
        line = (
            f"{kind}: ours/Wagtail v2 = {ours / v2:.2f}x (target >= 2: "
            f"{'met' if ours / v2 >= 2 else 'MISSED'}); static/ours = "
            f"{static / ours:.2f}x (target <= 1.5: "
            f"{'met' if static / ours <= 1.5 else 'MISSED'})"
        )
        if f"304-{kind}" in results:
            line += f"; 304/full = {results[f'304-{kind}']['rps'] / ours:.2f}x"
        print(line)


if __name__ == "__main__":
    main()

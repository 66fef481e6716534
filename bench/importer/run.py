"""Benchmark of ``import_content``: 10,000 JSON Lines items against PostgreSQL.

    eval "$(make -s services)"
    .venv/bin/python bench/importer/run.py [--count N] [--sample N] [--rounds R]

Creates a scratch database ``sipanganten_bench`` on the server of DATABASE_URL
(dropped and re-created each run, dropped at the end unless --keep-db), migrates it,
loads the OPDs and keeps that state as a template (``sipanganten_bench_clean``),
writes a file with varied types, OPDs, tags, series and about 2% bad lines. Then
``--rounds`` (default 3) interleaved rounds, each on a fresh copy of the template:

- the naive baseline: the per-item path (Wagtail's API, all signal handlers on) timed
  on the first ``--sample`` lines, in a transaction rolled back afterwards,
  extrapolated to the file;
- the import of the whole file (budget: under 2 minutes);
- the re-import of the same file (unchanged records are skipped by checksum).

Prints each round, the medians, and the ratio of the medians naive/optimised.

Celery tasks (the search outbox drain) are only enqueued, into a memory broker no
worker reads, as the command does in production where a worker feeds Elasticsearch;
``--eager-tasks`` runs them inline instead, as the test settings do.
"""

import argparse
import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
from bench.common import (  # noqa: E402
    copy_database,
    create_database,
    drop_database,
    with_db,
)

BENCH_DB = "sipanganten_bench"
CLEAN_DB = f"{BENCH_DB}_clean"  # migrated, OPDs loaded: each round starts from it


def scratch_database() -> str:
    """(Re)create the bench database; return its URL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit('DATABASE_URL must point at PostgreSQL: eval "$(make -s services)"')
    drop_database(url, BENCH_DB)
    create_database(BENCH_DB)
    return with_db(url, BENCH_DB)


def fresh_copy(url: str) -> None:
    """The bench database back to its clean state (migrated, OPDs loaded)."""
    from django.db import connections

    connections.close_all()
    copy_database(url, CLEAN_DB, BENCH_DB)


def one_round(path: Path, sample: list, batch_size: int) -> dict:
    """Naive sample (rolled back), import, re-import: seconds of each."""
    from django.db import transaction

    from bench.importer.naive import naive_import
    from cms.importer.services import content_import, importer_user_ensure

    with transaction.atomic():
        started = time.perf_counter()
        naive_import(sample, user=importer_user_ensure())
        naive_per_item = (time.perf_counter() - started) / len(sample)
        transaction.set_rollback(True)  # the real import starts from a clean tree
    timings = {"naive_per_item": naive_per_item}
    for label in ("import", "re-import"):
        started = time.perf_counter()
        with open(path, "rb") as lines:
            report = content_import(lines=lines, batch_size=batch_size)
        timings[label] = time.perf_counter() - started
        print(f"  {label:>9}: {report.summary()} in {timings[label]:.1f} s")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument(
        "--eager-tasks",
        action="store_true",
        help="run Celery tasks (the search outbox drain) inside the import",
    )
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()

    server_url = os.environ.get("DATABASE_URL", "")
    os.environ["DATABASE_URL"] = scratch_database()
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.conf import settings

    if not args.eager_tasks:
        # As in production: the import only enqueues tasks (here into a broker no
        # worker reads); indexing into Elasticsearch is a worker's job, not timed.
        settings.CELERY_TASK_ALWAYS_EAGER = False
        settings.CELERY_BROKER_URL = "memory://"
    from django.core.management import call_command

    from bench.importer.generate import jsonl_write
    from cms.importer.parsing import ImportRecord, parse_lines
    from cms.importer.services import BATCH_SIZE
    from cms.opd.models import OPDPage

    print(f"Scratch database {BENCH_DB}: migrate, load_opds...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_opds", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    opds = sorted(OPDPage.objects.values_list("slug", flat=True))
    from django.db import connections

    connections.close_all()
    copy_database(server_url, BENCH_DB, CLEAN_DB)
    path = Path(tempfile.gettempdir()) / f"bench-import-{args.count}.jsonl"
    bad = jsonl_write(path, count=args.count, opds=opds)
    print(f"{path}: {args.count} lines ({bad} deliberately bad), {len(opds)} OPDs")
    from cms.celery import app

    tasks = "run inline" if app.conf.task_always_eager else "enqueued only"
    print(f"Celery tasks (search outbox drain...): {tasks}")

    with open(path, "rb") as lines:
        sample = [
            r
            for r in itertools.islice(parse_lines(lines), args.sample)
            if isinstance(r, ImportRecord)
        ]
    good = args.count - bad
    rounds = []
    try:
        for round_ in range(args.rounds):
            if round_:
                fresh_copy(server_url)
            print(f"round {round_ + 1}/{args.rounds}", flush=True)
            rounds.append(one_round(path, sample, args.batch_size or BATCH_SIZE))
            naive = rounds[-1]["naive_per_item"] * good
            print(
                f"  naive: {rounds[-1]['naive_per_item'] * 1000:.1f} ms/item, "
                f"{naive:.0f} s extrapolated; ratio {naive / rounds[-1]['import']:.1f}x"
            )
    finally:
        connections.close_all()
        drop_database(server_url, CLEAN_DB)
        if not args.keep_db:
            drop_database(server_url, BENCH_DB)
    report(rounds, args.count, good, len(sample))


def report(rounds: list[dict], count: int, good: int, sample: int) -> None:
    """Medians over the rounds, and the ratio of the medians."""
    first, again, per_item = (
        statistics.median(r[key] for r in rounds)
        for key in ("import", "re-import", "naive_per_item")
    )
    naive_total = per_item * good
    print()
    print(f"medians of {len(rounds)} interleaved rounds:")
    print(f"import of {count} lines:  {first:7.1f} s  ({good / first:.0f} items/s)")
    print(f"re-import (unchanged): {again:7.1f} s  ({count / again:.0f} lines/s)")
    print(
        f"naive baseline:        {per_item * 1000:7.1f} ms/item on {sample} "
        f"items, {naive_total:.0f} s extrapolated to {good}"
    )
    print(f"ratio naive/optimised: {naive_total / first:7.1f}x (ratio of the medians)")
    print(f"budget (120 s):        {'met' if first < 120 else 'MISSED'}")


if __name__ == "__main__":
    main()

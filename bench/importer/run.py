"""Benchmark of ``import_content``: 10,000 JSON Lines items against PostgreSQL.

    eval "$(make -s services)"
    .venv/bin/python bench/importer/run.py [--count N] [--sample N] [--batch-size N]

Creates a scratch database ``sipanganten_bench`` on the server of DATABASE_URL
(dropped and re-created each run, dropped at the end unless --keep-db), migrates it,
loads the OPDs, writes a file with varied types, OPDs, tags, series and about 2% bad
lines, then prints:

- the import time of the whole file and items per second (budget: under 2 minutes);
- the re-import time of the same file (unchanged records are skipped by checksum);
- a baseline from the same run: the naive per-item path (Wagtail's API, all signal
  handlers on) timed on the first ``--sample`` lines, in a transaction rolled back
  afterwards, extrapolated to the file, and the ratio naive/optimised.

Celery tasks (the search outbox drain) are only enqueued, into a memory broker no
worker reads, as the command does in production where a worker feeds Elasticsearch;
``--eager-tasks`` runs them inline instead, as the test settings do.
"""

import argparse
import itertools
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere
from bench.common import create_database, drop_database, with_db  # noqa: E402

BENCH_DB = "sipanganten_bench"


def scratch_database() -> str:
    """(Re)create the bench database; return its URL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        sys.exit('DATABASE_URL must point at PostgreSQL: eval "$(make -s services)"')
    drop_database(url, BENCH_DB)
    create_database(BENCH_DB)
    return with_db(url, BENCH_DB)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument(
        "--eager-tasks",
        action="store_true",
        help="run Celery tasks (the search outbox drain) inside the import",
    )
    parser.add_argument("--keep-db", action="store_true")
    args = parser.parse_args()

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
    from django.db import transaction

    from bench.importer.generate import jsonl_write
    from bench.importer.naive import naive_import
    from cms.importer.parsing import ImportRecord, parse_lines
    from cms.importer.services import BATCH_SIZE, content_import, importer_user_ensure
    from cms.opd.models import OPDPage

    print(f"Scratch database {BENCH_DB}: migrate, load_opds...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_opds", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    opds = sorted(OPDPage.objects.values_list("slug", flat=True))
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
    with transaction.atomic():
        started = time.perf_counter()
        naive_import(sample, user=importer_user_ensure())
        naive_per_item = (time.perf_counter() - started) / len(sample)
        transaction.set_rollback(True)  # the real import starts from a clean tree

    batch_size = args.batch_size or BATCH_SIZE
    timings = []
    for label in ("import", "re-import"):
        started = time.perf_counter()
        with open(path, "rb") as lines:
            report = content_import(lines=lines, batch_size=batch_size)
        timings.append(time.perf_counter() - started)
        print(f"{label:>9}: {report.summary()} in {timings[-1]:.1f} s")

    first, again = timings
    good = args.count - bad
    naive_total = naive_per_item * good
    print()
    print(
        f"import of {args.count} lines:  {first:7.1f} s  ({good / first:.0f} items/s)"
    )
    print(f"re-import (unchanged): {again:7.1f} s  ({args.count / again:.0f} lines/s)")
    print(
        f"naive baseline:        {naive_per_item * 1000:7.1f} ms/item on {len(sample)} "
        f"items, {naive_total:.0f} s extrapolated to {good}"
    )
    print(f"ratio naive/optimised: {naive_total / first:7.1f}x")
    print(f"budget (120 s):        {'met' if first < 120 else 'MISSED'}")
    if not args.keep_db:
        from django.db import connections

        connections.close_all()
        drop_database(os.environ["DATABASE_URL"], BENCH_DB)


if __name__ == "__main__":
    main()

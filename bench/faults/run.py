"""Recovery after real outages, measured on a private deployment under steady load.

    make bench-faults [BENCH_ARGS="--es-seconds 300"]
    .venv/bin/python bench/faults/run.py [--redis-seconds 30] [--pg-seconds 4]
                                         [--es-seconds 60] [--rows 200] [--rate 20]

Starts the fault-injection harness of ``tests/faults/`` (its own PostgreSQL, Redis
and Elasticsearch on free ports, gunicorn with the production settings, a Celery
worker and beat; the shared services are never stopped), keeps about ``--rate``
requests/s on public pages and API reads, and for each outage prints: how long the
dependency was away (stop to answering again), the requests answered meanwhile,
how many were 5xx (503 is the wanted answer during a database outage; any 500 is a
bug), and the time from the recovery to full catch-up:

* Redis stopped: cache hits resume (Redis ``keyspace_hits`` grows) and an item
  published during the outage is searchable;
* PostgreSQL restarted: every page answers 200 again;
* Elasticsearch stopped: the items published meanwhile are all searchable, the
  outbox is empty and the public search is no longer ``degraded``;
* worker SIGKILLed mid-drain of ``--rows`` rows: all rows reach Elasticsearch after
  a new worker starts (the outage is from the kill to the new worker's start).
"""

import argparse
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script from anywhere

import requests  # noqa: E402

from tests.faults.harness import FaultSet, wait_until  # noqa: E402
from tests.faults.load import Load  # noqa: E402

CATCH_UP_TIMEOUT = 900


def all_ok(fs: FaultSet, paths: list[str]) -> bool:
    return all(
        requests.get(fs.base_url + p, timeout=15).status_code == 200 for p in paths
    )


def searchable(fs: FaultSet, marker: str, count: int) -> bool:
    fs.es_refresh()
    return fs.searchable(marker) == count and fs.outbox_size() == 0


def row(load, name, started, back, caught_up, what) -> dict:
    answers = load.between(started, back)
    return {
        "outage": name,
        "down": back - started,
        "requests": len(answers),
        "5xx": sum(a.status >= 500 or a.status == 0 for a in answers),
        "500": sum(a.status == 500 or a.status == 0 for a in answers),
        "catch_up": caught_up - back,
        "what": what,
        # What a user saw as a failure, so a 500 in the table can be explained.
        "failures": [
            f"{a.path}: {a.status or 'no answer'} {a.body[:160]!r}"
            for a in answers
            if a.status == 500 or a.status == 0
        ],
    }


def redis_outage(fs, load, paths, seconds) -> dict:
    marker = f"bredis{uuid.uuid4().hex[:6]}"
    started = time.monotonic()
    fs.stop_service("redis")
    time.sleep(seconds / 2)
    fs.ops.call("publish", marker=marker)
    time.sleep(seconds / 2)
    fs.start_service("redis")
    back = time.monotonic()
    wait_until(
        lambda: fs.redis_info()["keyspace_hits"] > 0 and searchable(fs, marker, 1),
        CATCH_UP_TIMEOUT,
        what="cache hits and search after Redis",
    )
    what = "cache hits resume; item published meanwhile searchable"
    return row(
        load, f"Redis stopped {seconds:g} s", started, back, time.monotonic(), what
    )


def pg_outage(fs, load, paths, seconds) -> dict:
    started = time.monotonic()
    fs.stop_service("pg")
    time.sleep(seconds)
    fs.start_service("pg")
    back = time.monotonic()
    wait_until(lambda: all_ok(fs, paths), CATCH_UP_TIMEOUT, what="pages after PG")
    name = f"PostgreSQL restart ({seconds:g} s down)"
    return row(load, name, started, back, time.monotonic(), "every page answers 200")


def es_outage(fs, load, paths, seconds, count=20) -> dict:
    marker = f"bes{uuid.uuid4().hex[:6]}"
    search = f"{fs.base_url}/api/v1/search/?q={marker}"
    started = time.monotonic()
    fs.stop_service("es")
    time.sleep(min(5, seconds))
    fs.ops.call("publish", marker=marker, count=count)
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    fs.start_service("es")
    back = time.monotonic()

    def done():
        return (
            searchable(fs, marker, count)
            and requests.get(search, timeout=30).json()["degraded"] is False
        )

    wait_until(done, CATCH_UP_TIMEOUT, step=0.5, what="outbox after ES")
    what = f"{count} items published meanwhile searchable, outbox empty"
    return row(load, f"ES stopped {seconds:g} s", started, back, time.monotonic(), what)


def worker_kill(fs, load, paths, rows) -> dict:
    marker = f"bkill{uuid.uuid4().hex[:6]}"
    fs.stop_proc("worker")
    fs.ops.call("publish", marker=marker, count=rows)
    fs.kill_worker_mid_drain()
    started = time.monotonic()
    fs.start_worker()
    back = time.monotonic()
    wait_until(lambda: searchable(fs, marker, rows), CATCH_UP_TIMEOUT, step=0.5)
    what = f"all {rows} claimed rows in Elasticsearch"
    name = "worker SIGKILL (new one at once)"
    return row(load, name, started, back, time.monotonic(), what)


def print_table(rows: list[dict]) -> None:
    head = f"{'outage':<32} {'down s':>7} {'requests':>8} {'5xx':>5} {'500':>5}"
    print(f"\n{head} {'catch-up s':>10}  catch-up means")
    for r in rows:
        print(
            f"{r['outage']:<32} {r['down']:>7.1f} {r['requests']:>8} {r['5xx']:>5}"
            f" {r['500']:>5} {r['catch_up']:>10.1f}  {r['what']}"
        )
    print("(5xx includes the 503s wanted during a database outage; 500 must be 0)")
    for r in rows:
        for failure in r["failures"]:
            print(f"  {r['outage']}: {failure}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redis-seconds", type=float, default=30)
    parser.add_argument("--pg-seconds", type=float, default=4)
    parser.add_argument("--es-seconds", type=float, default=60)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20)
    args = parser.parse_args()

    fs = FaultSet()
    try:
        t0 = time.monotonic()
        fs.start()
        print(f"private deployment up in {time.monotonic() - t0:.0f} s ({fs.dir})")
        items = fs.ops.call("publish", marker=f"bbase{uuid.uuid4().hex[:6]}", count=5)
        paths = ["/", fs.site["opd_url"], "/api/v1/content/", "/feed/rss.xml"]
        paths += [i["url"] for i in items] + [f"/api/v1/content/{items[0]['id']}/"]
        paths += ["/cari/?q=kabar", "/api/v1/search/?q=kabar"]
        results = []
        with Load(fs.base_url, paths, rate=args.rate) as load:
            for step in (
                lambda: redis_outage(fs, load, paths, args.redis_seconds),
                lambda: pg_outage(fs, load, paths, args.pg_seconds),
                lambda: es_outage(fs, load, paths, args.es_seconds),
                lambda: worker_kill(fs, load, paths, args.rows),
            ):
                results.append(step())
                print(f"  done: {results[-1]['outage']}", flush=True)
                time.sleep(3)  # let the load settle between outages
        print_table(results)
    finally:
        fs.close()


if __name__ == "__main__":
    main()

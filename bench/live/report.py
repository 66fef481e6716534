"""The live admin benchmark's tables; each returns the exit status (1: a target
missed or a measurement void)."""

import os
import statistics

from bench.common import percentile

from .polled import PING_INTERVAL_MS

TARGET_P95_MS = 1000
THREADS = 4  # the WSGI baseline: gunicorn gthread, one held response per thread


def _row(label: str, values: list[float]) -> str:
    p50, p95 = statistics.median(values), percentile(values, 95)
    return f"{label:<46}{len(values):>4}{p50:>9.0f}{p95:>9.0f}{max(values):>9.0f}"


def screen(r: dict) -> int:
    seen = [s["screen"] for s in r["samples"] if s["screen"] is not None]
    missed = len(r["samples"]) - len(seen)
    print()
    print(f"{'event -> screen':<46}{'n':>4}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    print("-" * 77)
    if seen:
        print(_row("live: commit -> reviewer's dashboard shows it", seen))
    print(
        _row(
            "  of which: commit -> event in the Redis stream",
            [s["sent"] for s in r["samples"]],
        )
    )
    print(_row("floor: one dashboard fragment fetch, 0 waiting", r["floor_before"]))
    items = r["items"]
    floors = [s["floor"] for s in r["samples"]]
    print(_row("floor: the same, after each event", floors))
    extra = [s["screen"] - s["floor"] for s in r["samples"] if s["screen"]]
    if extra:
        print(_row("live minus floor, event by event", extra))
    print(_row("Wagtail's editing-session ping (one request)", r["pings"]))
    ping = {
        "p50": statistics.median(r["pings"]),
        "p95": percentile(r["pings"], 95),
        "max": max(r["pings"]),
    }
    # A change lands at a uniformly random point of the 10 s ping cycle.
    polled = {
        "p50": 0.50 * PING_INTERVAL_MS + ping["p50"],
        "p95": 0.95 * PING_INTERVAL_MS + ping["p95"],
        "max": PING_INTERVAL_MS + ping["max"],
    }
    print(
        f"{'Wagtail without live (computed: 10 s + ping)':<46}{'':>4}"
        f"{polled['p50']:>9.0f}{polled['p95']:>9.0f}{polled['max']:>9.0f}"
    )
    observed = [ms for ms in r["polled"] if ms is not None]
    basis = "computed"
    if observed:
        print(_row("Wagtail without live (observed: edit page)", observed))
        basis = "observed"
        polled = {
            "p50": statistics.median(observed),
            "p95": percentile(observed, 95),
        }
    print("  (Wagtail's dashboard itself never polls: without live it shows the")
    print("   change at the next reload; the ping is its edit page's only poll.)")
    tenth = max(len(r["samples"]) // 5, 1)
    for label, part in (
        ("first", r["samples"][:tenth]),
        ("last", r["samples"][-tenth:]),
    ):
        got = [s["screen"] for s in part if s["screen"] is not None]
        if got:
            print(
                f"  {label} {len(part)} events (queue growing to {items}): p50 "
                f"{statistics.median(got):.0f} ms, max {max(got):.0f} ms"
            )
    fetches = r["fetches"]
    print(
        f"  the reviewer's browser fetched the dashboard {fetches['dashboard']} and "
        f"the bell {fetches['bell']} times for {len(r['samples'])} events"
    )
    status = 0
    if missed:
        print(f"MISSED: {missed} of {len(r['samples'])} events never showed")
        status = 1
    if len(observed) < len(r["polled"]):
        print(f"MISSED: {len(r['polled']) - len(observed)} edits never showed")
        status = 1
    if r["errors"]:
        print(f"JavaScript errors: {r['errors'][:3]}")
        status = 1
    if seen:
        p50, p95 = statistics.median(seen), percentile(seen, 95)
        print(
            f"polling ({basis})/live = {polled['p50'] / p50:.1f}x at p50, "
            f"{polled['p95'] / p95:.1f}x at p95; live/floor = "
            f"{p50 / statistics.median(floors):.1f}x at p50"
        )
        met = p95 < TARGET_P95_MS
        print(f"target p95 < {TARGET_P95_MS} ms: {'met' if met else 'NOT MET'}")
        status |= not met
    return status


def connections(r: dict, budget_mib: int) -> int:
    points = {int(n): v for n, v in r["points"].items()}
    idle = points[0]["VmRSS"]
    print()
    print(
        f"{'live connections':<18}{'RSS MiB':>9}{'+KiB':>9}{'KiB/conn':>10}"
        f"{'threads':>9}{'PG conns':>10}"
    )
    print("-" * 65)
    for n, p in sorted(points.items()):
        grown = p["VmRSS"] - idle
        per = f"{grown / n:>10.1f}" if n else f"{'':>10}"
        print(
            f"{n:<18}{p['VmRSS'] / 1024:>9.1f}{grown:>9}{per}{p['Threads']:>9}"
            f"{p.get('db', ''):>10}"
        )
    top = max(points)
    status = 0
    if top == 0:
        return status
    per_conn = max((points[top]["VmRSS"] - idle) / top, 1.0)
    cap = int(os.environ.get("LIVE_MAX_CONNECTIONS_PER_PROCESS", "2000"))
    fit = int(budget_mib * 1024 / per_conn)
    wsgi = r["wsgi"]
    wsgi_fit = budget_mib * 1024 // wsgi["VmRSS"] * THREADS
    print(
        f"uvicorn worker: {per_conn:.1f} KiB per connection (at {top}); "
        f"{budget_mib} MiB above the idle worker ({idle / 1024:.0f} MiB) holds "
        f"{fit:,} connections (LIVE_MAX_CONNECTIONS_PER_PROCESS caps it at {cap:,})"
    )
    print(
        f"WSGI baseline: a gthread worker ({wsgi['VmRSS'] / 1024:.0f} MiB) holds "
        f"{THREADS} long responses, {wsgi['VmRSS'] / THREADS:,.0f} KiB each; "
        f"{budget_mib} MiB of workers hold {wsgi_fit}; the stream answers "
        f"{wsgi['stream_status']} there"
    )
    print(
        f"per connection: WSGI/uvicorn = {wsgi['VmRSS'] / THREADS / per_conn:.0f}x "
        f"the memory; in {budget_mib} MiB: {fit / max(wsgi_fit, 1):.0f}x the "
        "connections"
    )
    delivery = r.get("delivery")
    if delivery:
        print(
            f"delivery at {delivery['connections']} open: one event from the driver "
            f"reached the connection opened last in {delivery['ms']:.0f} ms"
        )
        print(
            f"idle streams' upkeep at {delivery['connections']}: "
            f"{delivery['idle_cpu']:.1f}% of one core (heartbeats, slot renewals)"
        )
    else:
        print("delivery at the highest N: NOT MEASURED")
        status = 1
    return status

"""Search throughput: our API and portal page vs the same bodies sent straight to
Elasticsearch, at equal concurrency, on distinct corpus queries, rounds interleaved.

Each round takes the next slice of the distinct queries (``bench/corpus.py``:
1-3 content words drawn with the corpus's Zipf frequency) and runs it on every side
at ``concurrency`` over keep-alive sessions: ``raw`` POSTs the very body the API
builds (``build_search_body``) to ``<alias>/_search``; ``api`` GETs
``/api/v1/search/?q=``; ``portal`` GETs ``/cari/?q=``. The side order rotates from
round to round, so no side always meets a cold or a warm cache first. The server
must handle ``concurrency`` requests at once, or Elasticsearch would see fewer
queries in flight from us than from the raw side.
Figures are medians over the rounds of each round's throughput, p50 and p95, and
the medians of the per-round ratios (each round's sides saw the same queries under
the same machine load, which on a shared machine varies more than the sides do).
"""

import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

from bench.common import percentile

SIDES = ("raw", "api", "portal")
# With --fuzzy-highlight: the raw body with the typo-tolerant highlight query every
# search sent before (a report of what the exact highlight saves): the exact one
# with fuzziness AUTO on the citizen's words (``fuzzy_highlight``).
FUZZY = "raw_fuzzy_hl"


def load(items: list, send, concurrency: int) -> tuple[list[float], float]:
    """``send(session, item)`` over the items at ``concurrency``: per-request
    latencies in ms and the wall time."""
    import requests

    local = threading.local()

    def one(item):
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        started = time.perf_counter()
        response = send(session, item)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:200]}")
        return elapsed

    with ThreadPoolExecutor(concurrency) as pool:
        started = time.perf_counter()
        latencies = list(pool.map(one, items))
        wall = time.perf_counter() - started
    return latencies, wall


def fuzzy_highlight(analyzed) -> dict | None:
    """The highlight every search once sent: fuzzy on the citizen's words."""
    from search.queries.highlight import highlight

    exact = highlight(analyzed)
    if exact is None:
        return None
    match = exact["highlight_query"]["multi_match"] | {
        "query": analyzed.normalized,
        "fuzziness": "AUTO",
        "prefix_length": 1,
    }
    return exact | {"highlight_query": {"multi_match": match}}


def senders(es_url: str, base: str, queries: list[str]) -> dict:
    """Per side, ``send(session, q)``."""
    from django.http import QueryDict

    from search.documents import alias_name
    from search.language.analysis import analyze_query
    from search.queries.compose import build_search_body
    from search.queries.params import parse_search_params

    bodies, fuzzy = {}, {}
    for q in queries:
        params = parse_search_params(QueryDict(f"q={quote(q)}"))
        analyzed = analyze_query(params.q)
        bodies[q] = build_search_body(params, analyzed=analyzed)
        fuzzy[q] = bodies[q] | {"highlight": fuzzy_highlight(analyzed)}
    search_url = f"{es_url.rstrip('/')}/{alias_name()}/_search"
    return {
        "raw": lambda s, q: s.post(search_url, json=bodies[q], timeout=30),
        FUZZY: lambda s, q: s.post(search_url, json=fuzzy[q], timeout=30),
        "api": lambda s, q: s.get(f"{base}/api/v1/search/?q={quote(q)}", timeout=30),
        "portal": lambda s, q: s.get(f"{base}/cari/?q={quote(q)}", timeout=30),
    }


def compare(
    es_url: str,
    base: str,
    queries: list[str],
    *,
    warm: list[str],
    rounds: int,
    concurrency: int,
    sides: tuple[str, ...] = SIDES,
    probe=None,
) -> dict[str, dict]:
    """Per side: median req/s, p50 and p95 over ``rounds`` interleaved rounds
    (after the untimed ``warm`` queries, which are not among ``queries``)."""
    send = senders(es_url, base, queries + warm)
    for side in sides:
        load(warm, send[side], concurrency)
    size = len(queries) // rounds
    per_round: dict[str, list[dict]] = {side: [] for side in sides}
    for n in range(rounds):
        chunk = queries[n * size : (n + 1) * size]
        order = sides[n % len(sides) :] + sides[: n % len(sides)]
        for side in order:
            before = probe.snapshot() if probe else {}
            latencies, wall = load(chunk, send[side], concurrency)
            after = probe.snapshot() if probe else {}
            per_round[side].append(
                {
                    "rps": len(latencies) / wall,
                    "p50": percentile(latencies, 50),
                    "p95": percentile(latencies, 95),
                    # CPU ms per request of each process (bench/search/cpu.py)
                    **{
                        f"cpu_{name}": 1000 * (after[name] - before[name]) / len(chunk)
                        for name in after
                    },
                }
            )
        line = "  ".join(
            f"{s} {per_round[s][-1]['rps']:.1f}/s p95 {per_round[s][-1]['p95']:.0f}"
            for s in sides
        )
        print(f"  round {n + 1}/{rounds} ({len(chunk)} queries): {line}", flush=True)
    summary = {
        side: {key: statistics.median(r[key] for r in runs) for key in runs[0]}
        | {"n": sum(size for _ in runs), "rounds": len(runs)}
        for side, runs in per_round.items()
    }
    # Paired within a round (same queries, same machine load), then the median.
    summary["ratios"] = {
        pair: statistics.median(
            a["rps"] / b["rps"]
            for a, b in zip(per_round[pair[0]], per_round[pair[1]], strict=True)
        )
        for pair in (("api", "raw"), ("portal", "api"))
    }
    return summary

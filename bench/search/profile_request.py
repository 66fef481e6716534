"""Where a search request's time goes, in one process: no server, no concurrency.

    eval "$(bash scripts/services.sh start)"
    .venv/bin/python bench/search/run.py --items 10000 --latency-only --rounds 1  # once
    .venv/bin/python bench/search/profile_request.py [--queries 200] [--cprofile api]

Against the benchmark's scratch database and index (``run.py`` builds them), with
its settings: the same distinct corpus queries sent as the raw Elasticsearch body
(``build_search_body`` through the client), to ``/api/v1/search/`` and to ``/cari/``
through Django's test client. Prints the mean ms per request of each, and what the
API and the page add over the raw body; ``--cprofile SIDE`` prints the top
functions of that side (cumulative). A diagnostic, not a benchmark: one thread, so
it shows fixed per-request costs, not throughput under load.
"""

import argparse
import cProfile
import os
import pstats
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from bench import corpus  # noqa: E402
from bench.search.run import scratch_env  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--cprofile", choices=("raw", "api", "portal"))
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    os.environ.update(scratch_env())
    import django

    django.setup()
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from search.client import get_client
    from search.documents import alias_name
    from search.queries.compose import build_search_body
    from search.queries.params import parse_search_params

    queries = corpus.queries(args.queries + 20, seed=99)
    warm, queries = queries[:20], queries[20:]
    client = Client(HTTP_HOST="127.0.0.1")
    es = get_client()

    def raw(q):
        params = parse_search_params(QueryDict(f"q={quote(q)}"))
        es.search(index=alias_name(), body=build_search_body(params))

    def get(path):
        def send(q):
            response = client.get(f"{path}?q={quote(q)}")
            assert response.status_code == 200, response.status_code

        return send

    sides = {"raw": raw, "api": get("/api/v1/search/"), "portal": get("/cari/")}
    for send in sides.values():
        for q in warm:
            send(q)
    means = {}
    for name, send in sides.items():
        profile = cProfile.Profile() if args.cprofile == name else None
        with CaptureQueriesContext(connection) as sql:
            started = time.perf_counter()
            if profile:
                profile.enable()
            for q in queries:
                send(q)
            if profile:
                profile.disable()
            elapsed = time.perf_counter() - started
        means[name] = elapsed * 1000 / len(queries)
        print(
            f"{name:7} {means[name]:7.2f} ms/request"
            f"  {len(sql.captured_queries) / len(queries):5.2f} SQL/request"
        )
        if profile:
            pstats.Stats(profile).sort_stats("cumulative").print_stats(args.top)
    print(
        f"api - raw {means['api'] - means['raw']:.2f} ms;"
        f" portal - api {means['portal'] - means['api']:.2f} ms"
    )


if __name__ == "__main__":
    main()

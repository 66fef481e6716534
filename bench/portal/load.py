"""Server time of the portal under wrk: the URLs per page kind, the two servers
(page cache warm and cold, side by side), the targets and the static limit."""

import random
from pathlib import Path
from urllib.parse import quote

from bench.common import asgi_cmd, free_port, get_all, start, wait_http
from bench.wrk import wrk_paths_script

APP = "bench.portal.asgi:application"
CACHE_TTL = {"warm": 300, "cold": 0}  # cold: PORTAL_PAGE_CACHE_TTL=0, every request
KINDS = ("home", "search", "item", "opd")


def pick_urls(distinct: int) -> dict[str, list[str]]:
    """Distinct paths per page kind: home; search results for ``distinct`` queries
    drawn from the corpus vocabulary; ``distinct`` public items; every OPD."""
    from bench import corpus
    from cms.content.selectors import public_items
    from cms.opd.selectors import opd_list

    ids = sorted(public_items().values_list("pk", flat=True))
    ids = random.Random(15).sample(ids, min(distinct, len(ids)))
    items = [page.url for page in public_items().filter(pk__in=ids).order_by("pk")]
    return {
        "home": ["/"],
        "search": [f"/cari/?q={quote(q)}" for q in corpus.queries(distinct, seed=15)],
        "item": items,
        "opd": [opd.url for opd in opd_list().order_by("slug")],
    }


def start_servers(env: dict, folder: Path) -> dict:
    """The warm and the cold server, production type (gunicorn + 2 uvicorn
    workers), started side by side so that rounds can interleave."""
    servers = {}
    for mode, ttl in CACHE_TTL.items():
        port = free_port()
        proc = start(
            asgi_cmd(port, APP),
            {**env, "PORTAL_PAGE_CACHE_TTL": str(ttl)},
            folder / f"gunicorn-{mode}.log",
        )
        servers[mode] = (f"http://127.0.0.1:{port}", proc)
    for base, proc in servers.values():
        wait_http(f"{base}/healthz", proc)
    return servers


def prepare_targets(servers: dict, urls: dict, folder: Path) -> tuple[dict, dict]:
    """Check and warm every URL on both servers (on the warm one this primes the
    page cache), capture one page of each kind for its static limit; the wrk
    targets, and whether the page cache serves each kind."""
    import requests

    warm, cold = servers["warm"][0], servers["cold"][0]
    targets, cached = {}, {}
    for kind in KINDS:
        paths = urls[kind]
        # Every URL once, and at least 16 requests: both workers past their first.
        warm_up = paths * -(-16 // len(paths))
        get_all(cold, warm_up)
        get_all(warm, warm_up)
        again = requests.get(warm + paths[0], timeout=60)
        cached[kind] = again.headers.get("X-Portal-Cache") == "hit"
        (folder / f"{kind}.html").write_bytes(get_all(cold, paths[:1])[0].content)
        for mode, base in (("warm", warm), ("cold", cold)):
            script = None
            if len(paths) > 1:
                script = wrk_paths_script(paths, folder, f"{kind}-{mode}")
            targets[f"{kind}:{mode}"] = (base + paths[0], script)
        targets[f"{kind}:static"] = (f"{warm}/static-limit/{kind}", None)
        print(f"  {kind}: {len(paths)} distinct URLs, e.g. {paths[0]}", flush=True)
    return targets, cached

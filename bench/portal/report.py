"""The tables of the portal benchmark."""

KB = 1024


def _kb(size: int) -> str:
    return f"{size / KB:.1f}"


def print_report(
    weights: dict,
    results: dict,
    cached: dict,
    budget_kb: int,
    urls: dict,
    rounds: int,
) -> None:
    print()
    print("(a) Bytes transferred at 375 px, KB (1 KB = 1024 bytes), as served")
    header = (
        f"{'page':<9}{'html':>8}{'html gz*':>10}{'css':>7}{'js':>7}{'css+js':>8}"
        f"{'img':>8}{'img all':>9}{'other':>7}{'total':>8}  budget"
    )
    print(header)
    print("-" * len(header))
    for name, w in weights.items():
        code = w["css"] + w["js"]
        total = w["html"] + w["css"] + w["js"] + w["img"] + w["font"] + w["other"]
        verdict = "ok" if code < budget_kb * KB else "OVER"
        print(
            f"{name:<9}{_kb(w['html']):>8}{_kb(w['html_gzip']):>10}{_kb(w['css']):>7}"
            f"{_kb(w['js']):>7}{_kb(code):>8}{_kb(w['img']):>8}"
            f"{_kb(w['img_scrolled']):>9}{_kb(w['other'] + w['font']):>7}"
            f"{_kb(total):>8}  {verdict}"
        )
    encodings = {}
    for w in weights.values():
        for kind, found in w["encodings"].items():
            encodings.setdefault(kind, set()).update(found)
    print(
        "content-encoding seen: "
        + ", ".join(f"{k} {'/'.join(sorted(v))}" for k, v in sorted(encodings.items()))
    )
    print(
        f"* html gz: the same HTML gzipped (level 6), what a compressing proxy would "
        f"send. img: first view (lazy images not yet loaded); img all: after "
        f"scrolling through to the end. Budget: CSS + JS < {budget_kb} KB compressed."
    )

    print()
    print(
        f"(b) Server time under wrk, concurrency 8, ASGI (gunicorn + 2 uvicorn "
        f"workers): medians of {rounds} interleaved rounds"
    )
    header = (
        f"{'page':<8}{'URLs':>6}  {'cache':<7}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}{'static r/s':>12}{'ours/static':>13}"
    )
    print(header)
    print("-" * len(header))
    for mode in ("warm", "cold"):
        for name, paths in urls.items():
            r = results[f"{name}:{mode}"]
            static = results[f"{name}:static"]
            label = mode if mode == "cold" or cached.get(name) else "warm*"
            ratio = r["rps"] / static["rps"] if static["rps"] else float("nan")
            print(
                f"{name:<8}{len(paths):>6}  {label:<7}{r['rps']:>9.0f}"
                f"{r['p50']:>9.1f}{r['p99']:>9.1f}{r['errors']:>8}"
                f"{static['rps']:>12.0f}{ratio:>12.3f}x"
            )
    print(
        "warm: TTL 300 s, every URL primed; cold: PORTAL_PAGE_CACHE_TTL=0 (every "
        "request renders); both servers up side by side. static: one captured page "
        "of the kind served by a bare ASGI callable in front of Django in the same "
        "server (no Django, no middleware, no Redis). warm*: the page cache does not "
        "store this kind of page."
    )
    if any(r["errors"] or not r["rps"] for r in results.values()):
        print("INVALID: a target failed or answered nothing (raise --seconds)")

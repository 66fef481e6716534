"""The tables of the portal benchmark."""

KB = 1024


def _kb(size: int) -> str:
    return f"{size / KB:.1f}"


def print_report(weights: dict, results: dict, cached: dict, budget_kb: int) -> None:
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
    print("(b) Server time under wrk, concurrency 8")
    header = (
        f"{'page':<8}{'cache':<8}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'non-2xx':>9}{'static r/s':>12}{'static/ours':>13}"
    )
    print(header)
    print("-" * len(header))
    for key, r in results.items():
        name, mode = key.split(":")
        if mode.startswith("static"):
            continue
        static = results[f"{name}:static-{mode}"]
        label = mode if mode == "cold" or cached.get(name) else "warm*"
        ratio = static["rps"] / r["rps"] if r["rps"] else float("nan")
        print(
            f"{name:<8}{label:<8}{r['rps']:>9.0f}{r['p50']:>9.1f}{r['p99']:>9.1f}"
            f"{r['errors']:>9}{static['rps']:>12.0f}{ratio:>12.2f}x"
        )
    print(
        "warm: TTL 300 s, primed; cold: PORTAL_PAGE_CACHE_TTL=0 (every request "
        "renders). static: the same HTML bytes from a bench-only view on the same "
        "server. warm*: the page cache does not store this page."
    )

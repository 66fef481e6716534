"""axe-core checks shared by the browser tests: only serious and critical
violations block, and the page is checked once its fade-ins have ended (the
admin's messages fade in; mid-fade their colours are not the ones people read)."""

from axe_playwright_python.sync_playwright import Axe

BLOCKING = {"serious", "critical"}
_axe = Axe()

# Waits for finite animations and transitions (a spinner never ends), also those
# a script starts shortly after load (the admin shows its messages after 100 ms).
SETTLE = """async () => {
  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
  for (let quiet = 0, round = 0; quiet < 3 && round < 100; round++) {
    const running = document.getAnimations().filter(
      a => a.playState !== "finished" &&
        a.effect && a.effect.getComputedTiming().endTime !== Infinity
    );
    quiet = running.length ? 0 : quiet + 1;
    await Promise.all(running.map(a => a.finished.catch(() => null)));
    await pause(50);
  }
}"""


def blocking_violations(page, main_only: bool = False) -> list[dict]:
    """Serious or critical violations on the settled page; ``main_only`` checks
    our own content in the admin (Wagtail's furniture is Wagtail's)."""
    page.evaluate(SETTLE)
    context = {"include": [["main"]]} if main_only else None
    results = _axe.run(page, context=context)
    return [v for v in results.response["violations"] if v["impact"] in BLOCKING]


def report(where: str, violations: list[dict]) -> str:
    lines = [f"{where}: {len(violations)} serious/critical axe violation(s)"]
    for violation in violations:
        lines.append(
            f"- [{violation['impact']}] {violation['id']}: {violation['help']} "
            f"({violation['helpUrl']})"
        )
        for node in violation["nodes"][:5]:
            lines.append(f"    at {', '.join(map(str, node['target']))}")
            lines.append(f"       {node['html'][:160]}")
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"       {summary[:300]}")
        if len(violation["nodes"]) > 5:
            lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def admin_screenshots(page, shot, viewport) -> None:
    """A full-page shot, and a tall one: the admin scrolls inside its content
    area, so only a viewport as tall as ``main`` shows all of it."""
    page.screenshot(path=shot, full_page=True)
    height = page.evaluate("document.querySelector('main').scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": height})
    page.screenshot(path=shot.with_suffix(".all.png"))
    page.set_viewport_size(viewport)

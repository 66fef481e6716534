"""Visibility in one place: only ``cms.core.visibility`` decides what the public may
see. Code elsewhere that filters pages by ``live``, calls ``.live()`` or
``.public()``, or reads view restrictions is deciding it again by itself (that is
how a private page or an exempted document leaked before); it must ask the module.

A few places legitimately look at these for another purpose; each is listed below
with its reason. Prefer moving a check into the module over adding to the list.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("cms", "portal", "api", "search")
RULE_MODULE = "cms/core/visibility.py"

ALLOWED = {
    # Path (a folder ends with "/") -> why it may look at what the rule looks at.
    "cms/core/changes/": "turns view-restriction rows being saved and pages going "
    "live into change events: reacts to the rows, decides nothing about visibility",
    "cms/opd/access.py": "creates each OPD's restricted 'dikecualikan' collection",
    "api/tombstones.py": "change consumer: the live items under a page that just "
    "stopped being public get a tombstone",
    "api/webhooks/events.py": "change consumer: live pages under a page whose "
    "restriction or OPD changed; notifies through ``is_public``",
    "api/webhooks/selectors.py": "which OPD sites to notify: those with live items "
    "in a series (routing, not what the public sees)",
    "search/indexing/changes.py": "change consumer: live pages to re-index when a "
    "document's or a collection's state changes (the index itself asks the rule)",
}

RESTRICTION_MODELS = {"CollectionViewRestriction", "PageViewRestriction"}
# Calls whose keyword arguments are lookups (filters), not values being written.
LOOKUP_CALLS = {"filter", "exclude", "get", "Q"}


def _is_live_lookup(keyword: str) -> bool:
    return "live" in keyword.split("__")


def violations_in(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call):
            func = node.func
            name = getattr(func, "attr", None) or getattr(func, "id", None)
            if isinstance(func, ast.Attribute) and name in ("live", "public"):
                found.append((node.lineno, f".{name}()"))
            if name in LOOKUP_CALLS:
                for keyword in node.keywords:
                    if keyword.arg and _is_live_lookup(keyword.arg):
                        found.append((node.lineno, f"{name}({keyword.arg}=...)"))
        elif isinstance(node, ast.Name) and node.id in RESTRICTION_MODELS:
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute) and node.attr in RESTRICTION_MODELS:
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name in RESTRICTION_MODELS:
                    found.append((node.lineno, f"import {alias.name}"))
    return sorted(found)


def _allowed(path: str) -> bool:
    if path == RULE_MODULE or "/migrations/" in path:
        return True
    return any(
        path.startswith(entry) if entry.endswith("/") else path == entry
        for entry in ALLOWED
    )


def _sources():
    for package in PACKAGES:
        for file in sorted((ROOT / package).rglob("*.py")):
            path = file.relative_to(ROOT).as_posix()
            if not _allowed(path):
                yield path, file.read_text(encoding="utf-8")


def test_only_the_visibility_module_decides_what_is_public():
    problems = [
        f"{path}:{line}: {what}"
        for path, source in _sources()
        for line, what in violations_in(source)
    ]
    assert not problems, (
        "Ask cms.core.visibility (only_public, is_public, PublicView...) instead:\n"
        + "\n".join(problems)
    )


def test_the_scan_catches_each_kind_of_violation():
    source = """
from wagtail.models import CollectionViewRestriction
pages = Page.objects.live()
items = ContentPage.objects.filter(live=True)
links = DIPDocument.objects.exclude(entry__live=False)
either = Q(live=True) | Q(pk=1)
private = pages.public()
restricted = wagtail.models.PageViewRestriction.objects.all()
"""
    assert sorted(what for _line, what in violations_in(source)) == sorted(
        [
            "import CollectionViewRestriction",
            ".live()",
            "filter(live=...)",
            "exclude(entry__live=...)",
            "Q(live=...)",
            ".public()",
            "PageViewRestriction",
        ]
    )


def test_writing_live_state_is_not_a_violation():
    source = """
page = NewsPage(title="x", live=False)
Page.objects.filter(pk__in=ids).update(live=True)
if page.live:
    pass
deliver = events.filter(delivered=True)
"""
    assert violations_in(source) == []


def test_every_allowed_path_exists():
    """An entry outliving its file would silently allow a new file of that name."""
    assert [entry for entry in ALLOWED if not (ROOT / entry).exists()] == []

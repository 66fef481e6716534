"""Nobody but ``cms/core/changes/receivers.py`` listens to Django's or Wagtail's
model signals: consumers subscribe to change events (docs/adr/008-change-events.md).

The scan reads the source (AST), so it also catches receivers connected inside
functions; it fails naming the file and line of each new receiver.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("cms", "search", "api", "portal")
SIGNAL_MODULES = ("django.db.models.signals", "wagtail.signals")
THE_ONE_PLACE = "cms/core/changes/receivers.py"
# Not our receivers: Wagtail's own search handler, switched off and on again
# around a bulk import (cms/importer/indexing.py says why).
ALLOWED = {"cms/importer/indexing.py"}


def signal_names(tree: ast.AST) -> set[str]:
    """Names bound to model signals (or their modules) by this file's imports."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module in SIGNAL_MODULES:
            names.update(alias.asname or alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module in ("django.db.models",):
            names.update(
                alias.asname or alias.name
                for alias in node.names
                if alias.name == "signals"
            )
        elif isinstance(node, ast.Import):
            names.update(
                alias.asname or alias.name
                for alias in node.names
                if alias.name in SIGNAL_MODULES
            )
    return names


def _root_name(node: ast.AST) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def receivers_in(source: str) -> list[int]:
    """Lines that connect a receiver to a model signal."""
    tree = ast.parse(source)
    signals = signal_names(tree)
    lines = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        # post_save.connect(...), signals.post_save.connect(...)
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "connect"
            and _root_name(func.value) in signals
        ) or (
            isinstance(func, ast.Name)
            and func.id == "receiver"
            and node.args
            and _root_name(node.args[0]) in signals
        ):
            lines.append(node.lineno)
    return lines


def python_files():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def test_only_the_change_event_receivers_listen_to_model_signals():
    found = {}
    for path in python_files():
        name = path.relative_to(ROOT).as_posix()
        lines = receivers_in(path.read_text(encoding="utf-8"))
        if lines and name not in ALLOWED:
            found[name] = lines
    others = {name: lines for name, lines in found.items() if name != THE_ONE_PLACE}
    assert not others, (
        "Model-signal receivers outside cms/core/changes/receivers.py (subscribe "
        f"to change events instead), file: lines: {others}"
    )
    assert THE_ONE_PLACE in found


def test_the_scan_sees_every_way_of_connecting():
    source = """
from django.db.models.signals import post_save as saved
from django.db.models import signals
from django.dispatch import receiver
from wagtail.signals import page_published


@receiver(page_published)
def one(**kwargs): ...


def connect():
    saved.connect(one)
    signals.pre_delete.connect(one)
"""
    assert receivers_in(source) == [8, 13, 14]

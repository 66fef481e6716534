"""Django's ``{# ... #}`` comments end on their line: one spread over two lines is
printed on the page as text (it happened on /cari/). Longer notes use
``{% comment %}``."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_template_comment_spans_lines():
    spread = []
    for path in ROOT.glob("**/*.html"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith((".venv/", "var/", "node_modules/")):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            start = line.find("{#")
            if start != -1 and "#}" not in line[start:]:
                spread.append(f"{relative}:{number + 1}")
    assert not spread, f"{{# #}} comments spread over lines: {spread}"

"""Loads the demo items file (JSON Lines, the importer's format)."""

import json
from datetime import datetime
from pathlib import Path

from cms.content.models import NewsPage
from cms.opd.models import OPDPage


def demo_items_load(path: Path) -> int:
    loaded = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        slug = row["source_url"].rsplit("/", 1)[-1]
        opd = OPDPage.objects.get(slug=row["opd"])
        if NewsPage.objects.descendant_of(opd).filter(slug=slug).exists():
            continue
        page = NewsPage(
            title=row["title"],
            slug=slug,
            summary=row.get("summary", ""),
            publish_date=datetime.fromisoformat(row["published"]),
            body=[("paragraph", row["body_html"])],
        )
        opd.add_child(instance=page)
        page.tags.set(row.get("tags", []))
        page.save_revision().publish()
        loaded += 1
    return loaded

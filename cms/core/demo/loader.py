"""Loads the demo items file through the importer, so the demo exercises the real
path, and then through the gates an editor's item passes before going live.

The importer holds every item to an editor's rules (cms/importer/gates.py): model
validation, and the accessibility gate for what goes live. Demo items that need
media the file cannot carry (an infographic's image) are imported as drafts,
completed here, and published only once they pass both. Every demo page is
checked: a failing one is a bug in the demo data and stops the load.

Re-running is safe: the importer recognises every item by its ``source_url``.
"""

import json
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from cms.content.accessibility import page_accessibility_problems
from cms.importer.models import ImportedItem
from cms.importer.services import content_import, importer_user_ensure

from .media import media_complete

# Types whose public page needs media added after the import.
COMPLETED_HERE = {"infografis"}


def demo_items_load(path: Path) -> int:
    """Import the file; return how many items were created this time."""
    records = _records(path)
    held = {
        record["source_url"]
        for record in records
        if record["type"] in COMPLETED_HERE
        and record.get("status", "published") == "published"
    }
    drafts = [
        {**record, "status": "draft"} if record["source_url"] in held else record
        for record in records
    ]
    lines = [json.dumps(record) for record in drafts]
    report = content_import(lines=lines)
    if report.bad:
        # Our own file: a bad line is a bug in the demo data, not something to skip.
        details = "; ".join(str(bad) for bad in report.bad_lines)
        raise ValueError(f"{path.name}: {details}")
    _through_the_gates([record["source_url"] for record in records], held)
    return report.created


def _records(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _through_the_gates(source_urls: list[str], held: set[str]) -> None:
    user = importer_user_ensure()
    imported = ImportedItem.objects.filter(source_url__in=source_urls)
    for record in imported.select_related("page"):
        page = record.page.specific
        with transaction.atomic():
            changed = media_complete(page) if record.source_url in held else False
            demo_page_check(page)
            if changed or (record.source_url in held and not page.live):
                revision = page.save_revision(user=user, log_action=True)
                revision.publish(user=user, skip_permission_checks=True)


def demo_page_check(page) -> None:
    """The editors' gates: model validation, then the accessibility rules."""
    try:
        page.full_clean()
    except ValidationError as exc:
        raise ValueError(f"demo page {page.slug!r}: {exc.messages}") from None
    problems = page_accessibility_problems(page)
    if problems:
        messages = "; ".join(message for _field, message in problems)
        raise ValueError(f"demo page {page.slug!r}: {messages}")

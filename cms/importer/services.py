"""Bulk import of content items from JSON Lines (see README "Importing content").

Lines are parsed first (``parsing``), then written in batches, one transaction per
batch. A batch that fails (in the database or anywhere else) is rolled back and
replayed line by line, so one unforeseen bad record costs its own line, not its 199
neighbours.
"""

import itertools
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from wagtail.models import Page

from .indexing import pages_reindex, suspended_auto_indexing
from .lookups import ImportLookups
from .models import ImportedItem
from .pages import page_update, pages_create
from .parsing import BadLine, ImportRecord, RecordError, parse_lines

logger = logging.getLogger(__name__)

IMPORT_USERNAME = "importer"
BATCH_SIZE = 200


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    bad_lines: list[BadLine] = field(default_factory=list)

    @property
    def bad(self) -> int:
        return len(self.bad_lines)

    def add(self, other: "ImportReport") -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.bad_lines.extend(other.bad_lines)

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.bad} bad"
        )


def importer_user_ensure():
    """The account imports are attributed to; it can never log in."""
    user, created = get_user_model().objects.get_or_create(
        username=IMPORT_USERNAME,
        defaults={
            "first_name": "Impor",
            "last_name": "Sipanganten",
            "is_active": False,
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def content_import(
    *, lines: Iterable[str | bytes], user=None, batch_size: int = BATCH_SIZE
) -> ImportReport:
    """Create or update one page per line; bad lines are reported, never fatal."""
    lookups = ImportLookups(user=user or importer_user_ensure())
    report = ImportReport()
    first_seen: dict[str, int] = {}
    with suspended_auto_indexing():
        results = parse_lines(lines)
        while batch := list(itertools.islice(results, batch_size)):
            records = []
            for result in batch:
                if isinstance(result, ImportRecord):
                    result = _first_occurrence(result, first_seen)
                if isinstance(result, BadLine):
                    report.bad_lines.append(result)
                else:
                    records.append(result)
            report.add(_batch_write_or_replay(records, lookups))
    report.bad_lines.sort(key=lambda bad: bad.line_no)
    return report


def _first_occurrence(record: ImportRecord, first_seen: dict) -> ImportRecord | BadLine:
    line_no = first_seen.setdefault(record.source_url, record.line_no)
    if line_no != record.line_no:
        return BadLine(
            record.line_no, f"duplicate source_url (first on line {line_no})"
        )
    return record


def _batch_write_or_replay(records: list[ImportRecord], lookups) -> ImportReport:
    if not records:
        return ImportReport()
    try:
        return _batch_write(records, lookups)
    # Any failure, not only the database's: an unforeseen bug in one record (deep
    # recursion, overflow...) must cost that line, never the rest of the file.
    except Exception as exc:  # noqa: BLE001
        logger.warning("Import batch rolled back, replaying line by line: %r", exc)
    report = ImportReport()
    for record in records:
        lookups.reset()  # the rollback may have removed rows the caches point at
        try:
            report.add(_batch_write([record], lookups))
        except Exception as exc:  # noqa: BLE001
            reason = _failure_reason(exc, record.line_no)
            report.bad_lines.append(BadLine(record.line_no, f"not saved: {reason}"))
    lookups.reset()
    return report


def _failure_reason(exc: Exception, line_no: int) -> str:
    if isinstance(exc, DatabaseError | ValidationError | ValueError):
        return "; ".join(getattr(exc, "messages", None) or [str(exc)])
    # A bug rather than bad data: the traceback goes to the log for whoever fixes it.
    logger.error("Import of line %d failed unexpectedly", line_no, exc_info=exc)
    return f"unexpected error ({type(exc).__name__}: {exc})"


@transaction.atomic
def _batch_write(records: list[ImportRecord], lookups) -> ImportReport:
    report = ImportReport()
    known = {
        item.source_url: item
        for item in ImportedItem.objects.filter(
            source_url__in=[r.source_url for r in records]
        )
    }
    changed = [
        item.page_id
        for r in records
        if (item := known.get(r.source_url)) and item.checksum != r.checksum
    ]
    pages = _specific_pages(changed)
    new, changed_items, touched = [], [], set()
    for record in records:
        item = known.get(record.source_url)
        if item is None:
            new.append(record)
            continue
        if item.checksum == record.checksum:
            report.unchanged += 1
            continue
        try:
            page_update(record, pages[item.page_id], lookups)
        except RecordError as exc:
            report.bad_lines.append(BadLine(record.line_no, str(exc)))
            continue
        item.checksum = record.checksum
        changed_items.append(item)
        touched.add(item.page_id)
        report.updated += 1

    created, bad = pages_create(new, lookups)
    report.bad_lines.extend(bad)
    now = timezone.now()
    ImportedItem.objects.bulk_create(
        ImportedItem(source_url=r.source_url, page=p, checksum=r.checksum)
        for r, p in created
    )
    for item in changed_items:
        item.imported_at = now
    ImportedItem.objects.bulk_update(changed_items, ["checksum", "imported_at"])
    report.created = len(created)
    pages_reindex([page for _r, page in created], new=True)
    pages_reindex(_specific_pages(list(touched | lookups.touched_page_ids)).values())
    lookups.touched_page_ids.clear()
    return report


def _specific_pages(ids: list[int]) -> dict[int, Page]:
    if not ids:
        return {}
    return {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}

"""The baseline: what a first version of the importer would do, line by line.

Wagtail's public API per item, every signal handler on (search index and reference
index updated on each save through django-tasks), no caches, a transaction per line.
Same field mapping as the real importer, so both produce the same pages.
"""

from django.db import transaction
from wagtail.models import Page

from cms.dip.models import DIPIndexPage
from cms.importer.lookups import ImportLookups
from cms.importer.models import ImportedItem
from cms.importer.pages import MODELS, page_fields
from cms.importer.parsing import DIP_TYPE, ImportRecord
from cms.opd.models import OPDPage


def naive_import(records: list[ImportRecord], *, user) -> int:
    created = 0
    for record in records:
        with transaction.atomic():
            if ImportedItem.objects.filter(source_url=record.source_url).exists():
                continue
            opd = OPDPage.objects.filter(slug=record.opd).first()
            if opd is None:
                continue  # a bad line, reported by the real importer
            parent: Page = opd
            if record.type == DIP_TYPE:
                parent = DIPIndexPage.objects.child_of(opd).get()
            fields = page_fields(record, ImportLookups(user=user), opd)
            page = MODELS[record.type](**fields, owner=user)  # Wagtail picks the slug
            parent.add_child(instance=page)
            if record.type != DIP_TYPE:
                page.tags.set(list(record.tags))
            revision = page.save_revision(user=user)
            if record.is_published:
                revision.publish(user=user, skip_permission_checks=True)
            ImportedItem.objects.create(
                source_url=record.source_url, page=page, checksum=record.checksum
            )
            created += 1
    return created

"""One document attached both to an exempted DIP entry and to a public one: the
case that leaked (its title and download link on the public entry's page and in
its JSON-LD). Shared by the tests of every public path."""

from dataclasses import dataclass

from cms.dip.models import DIPDocument, DIPEntryPage
from tests.factories import DocumentFactory, add_dip_entry, publish

SHARED_TITLE = "Lampiran bersama"
OPEN_TITLE = "Laporan terbuka"


@dataclass
class SharedDocument:
    shared: object  # the document the exempted entry withholds
    open: object  # a document only the public entry has
    entry: DIPEntryPage  # public (berkala), links both
    exempted: DIPEntryPage  # dikecualikan, links the shared one


def shared_document(opd, *, shared_content=b"%PDF-1.4 test") -> SharedDocument:
    """The exempted entry is published first, then the public entry (both live)."""
    shared = DocumentFactory(title=SHARED_TITLE, content=shared_content)
    open_document = DocumentFactory(title=OPEN_TITLE)
    exempted = add_dip_entry(opd, "Rencana pengamanan", kategori="dikecualikan")
    DIPDocument.objects.create(entry=exempted, document=shared)
    publish(exempted)
    entry = add_dip_entry(opd, "Laporan keuangan 2025", tahun=2025, live=False)
    for document in (open_document, shared):
        DIPDocument.objects.create(entry=entry, document=document)
    publish(entry)
    return SharedDocument(shared, open_document, entry, exempted)

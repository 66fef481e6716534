"""Read queries on the DIP, with the exemption rule in one place."""

from django.db.models import QuerySet
from wagtail.models import Revision

from cms.core.selectors import only_public

from .models import KATEGORI_HEADINGS, DIPDocument, DIPEntryPage, Kategori


def public_dip_entries() -> QuerySet[DIPEntryPage]:
    """Live, unrestricted entries. Exempted ones are included: the law makes the fact
    of the exemption public; what may be shown of them is decided by the templates and
    serializers through ``is_exempted`` and ``public_documents_of``."""
    return only_public(DIPEntryPage.objects.all())


def dip_entries_grouped(entries) -> list[tuple[Kategori, str, list[DIPEntryPage]]]:
    """Entries in the law's order of categories, every category present (even empty:
    an empty category is itself information for the citizen and the monitor)."""
    groups: dict[str, list] = {k.value: [] for k in Kategori}
    for entry in entries.select_related("opd").order_by("-tahun", "title"):
        groups[entry.kategori].append(entry)
    return [
        (Kategori(value), KATEGORI_HEADINGS[value], items)
        for value, items in groups.items()
    ]


def public_documents_of(entry: DIPEntryPage) -> list:
    """The documents a citizen may download: none at all for an exempted entry."""
    if entry.is_exempted:
        return []
    return [link.document for link in entry.documents.select_related("document")]


def document_is_withheld(document) -> bool:
    """True when the document belongs to an exempted DIP entry, live or in a draft.

    A live entry's links are rows; a pending draft's links exist only in its latest
    revision, so those (few) revisions are read too.
    """
    if DIPDocument.objects.filter(
        document=document, entry__kategori=Kategori.DIKECUALIKAN
    ).exists():
        return True
    drafts = Revision.page_revisions.filter(
        pk__in=DIPEntryPage.objects.filter(has_unpublished_changes=True).values(
            "latest_revision"
        )
    ).only("content")
    return any(
        revision.content.get("kategori") == Kategori.DIKECUALIKAN
        and any(
            link.get("document") == document.pk
            for link in revision.content.get("documents", [])
        )
        for revision in drafts
    )

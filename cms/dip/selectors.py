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


def withheld_document_ids(document_ids) -> set[int]:
    """``document_is_withheld`` for many documents at once (a listing's worth)."""
    document_ids = set(document_ids)
    if not document_ids:
        return set()
    withheld = set(
        DIPDocument.objects.filter(
            document_id__in=document_ids, entry__kategori=Kategori.DIKECUALIKAN
        ).values_list("document_id", flat=True)
    )
    drafts = Revision.page_revisions.filter(
        pk__in=DIPEntryPage.objects.filter(has_unpublished_changes=True).values(
            "latest_revision"
        )
    ).only("content")
    for revision in drafts:
        if revision.content.get("kategori") == Kategori.DIKECUALIKAN:
            withheld.update(
                link.get("document")
                for link in revision.content.get("documents", [])
                if link.get("document") in document_ids
            )
    return withheld


def public_dip_entries_for_listing() -> QuerySet[DIPEntryPage]:
    """Public entries with their OPD and document links, in a fixed number of
    queries. Documents must still be read through ``listed_documents_of``."""
    from django.db.models import Prefetch

    links = DIPDocument.objects.select_related("document").order_by("sort_order")
    return (
        public_dip_entries()
        .select_related("opd")
        .prefetch_related(Prefetch("documents", queryset=links))
    )


def listed_documents_of(entry: DIPEntryPage, withheld_ids=frozenset()) -> list:
    """Like ``public_documents_of`` but from prefetched links; none at all for an
    exempted entry, and never a document withheld by another (exempted) entry."""
    if entry.is_exempted:
        return []
    return [
        link.document
        for link in entry.documents.all()
        if link.document_id not in withheld_ids
    ]

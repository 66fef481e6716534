"""Which indexed pages a change touches; records them in the outbox.

Called by ``search/signals.py`` inside the transaction that made the change. The
drain decides later what each page's index entry should be, so over-recording is
harmless (one extra bulk action) and under-recording is the bug to avoid.
"""

from django.db import connection, transaction
from wagtail.models import Page

from cms.content.models import ContentPage, PublicationPage
from cms.dip.models import DIPDocument, DIPEntryPage
from cms.opd.models import OPDPage
from cms.series.models import SeriesPage

from .outbox import outbox_record
from .source import INDEXED_MODELS, indexed_content_type_ids


def pages_changed(page_ids) -> None:
    """Record these pages; after commit, ask a worker to drain."""
    page_ids = list(page_ids)
    if not page_ids:
        return
    outbox_record(page_ids)
    from search.tasks import enqueue_drain  # tasks import the drain: no cycle

    # One drain per transaction is enough (an import publishes thousands of pages
    # in one); a callback dropped with a rolled-back savepoint is registered again.
    pending = getattr(connection, "run_on_commit", [])
    if not any(entry[1] is enqueue_drain for entry in pending):
        transaction.on_commit(enqueue_drain, robust=True)


def page_changed(page: Page) -> None:
    """Published or unpublished: the page, and the pages that copy its data."""
    own = [page.pk] if type(page.specific_deferred) in INDEXED_MODELS else []
    pages_changed([*own, *_dependents(page)])


def subtree_changed(page: Page | None) -> None:
    """Moved, renamed in the URL, or privacy changed: the page and every indexed
    descendant (their OPD, URL or visibility follow the page's)."""
    if page is None:
        return
    pages_changed(
        Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
        .filter(content_type_id__in=indexed_content_type_ids())
        .values_list("pk", flat=True)
        .iterator(chunk_size=2000)
    )


def series_deleting(series: SeriesPage) -> None:
    """Before a series goes: its items lose their ``series`` link without signals."""
    pages_changed(_series_items(series))


def document_changed(document) -> None:
    """A document's file changed or it goes away: pages that index its text."""
    pages_changed(_pages_using(document_id__in=[document.pk]))


def collection_privacy_changed(collection) -> None:
    """Documents in a private collection are not indexed: pages using documents of
    the collection (or below it) change with its view restriction."""
    pages_changed(_pages_using(document__collection__path__startswith=collection.path))


def _pages_using(**documents) -> list[int]:
    """Live pages whose indexed attachments match the ``documents`` filter."""
    publications = PublicationPage.objects.filter(live=True, **documents)
    entries = DIPDocument.objects.filter(entry__live=True, **documents)
    return [
        *publications.values_list("pk", flat=True),
        *entries.values_list("entry_id", flat=True).distinct(),
    ]


def _dependents(page: Page) -> list[int]:
    """Pages whose documents copy something of ``page``: an OPD's name and slug are
    in every item under it, a series' slug in every item of the series, a DIP
    entry's exemption decides whether its documents' text may be indexed."""
    specific = page.specific_deferred
    if isinstance(specific, OPDPage):
        return list(
            Page.objects.descendant_of(page)
            .filter(content_type_id__in=indexed_content_type_ids())
            .values_list("pk", flat=True)
        )
    if isinstance(specific, SeriesPage):
        return _series_items(specific)
    if isinstance(specific, DIPEntryPage):
        # Its documents are withheld everywhere while it is exempted.
        own = DIPDocument.objects.filter(entry=specific).values("document_id")
        return _pages_using(document_id__in=own)
    return []


def _series_items(series: SeriesPage) -> list[int]:
    return list(ContentPage.objects.filter(series=series).values_list("pk", flat=True))

"""Which indexed pages a change touches; records them in the outbox.

Subscribed to the change events (``subscribe``), so it runs inside the transaction
that made the change (stage ``RECORD``). The drain decides later what each page's
index entry should be, so over-recording is harmless (one extra bulk action) and
under-recording is the bug to avoid.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, ReferenceIndex

from cms.content.models import ContentPage, PublicationPage
from cms.core.changes import (
    PAGE_STATE_KINDS,
    Change,
    ContentChange,
    Stage,
    subscribe,
)
from cms.core.commit import after_commit_once
from cms.dip.models import DIPDocument, DIPEntryPage
from cms.opd.models import OPDPage
from cms.series.models import SeriesPage
from search.tasks import enqueue_drain

from .outbox import outbox_record
from .source import INDEXED_MODELS, indexed_content_type_ids


def on_change(change: ContentChange) -> None:
    """Record the pages whose index entry this change may alter."""
    kind = change.kind
    if kind in (Change.PUBLISHED, Change.UPDATED, Change.UNPUBLISHED):
        page_changed(change.page)
    elif kind in (Change.MOVED, Change.PRIVACY_CHANGED):
        subtree_changed(change.page)
    elif kind == Change.DELETED:
        page_deleting(change.page)
    elif kind == Change.DOCUMENT_CHANGED:
        pages_changed(_pages_using(document_id__in=[change.document_id]))
    elif kind == Change.COLLECTION_PRIVACY_CHANGED:
        collection_privacy_changed(change.collection_id)


def subscribe_to_changes() -> None:
    subscribe(
        on_change,
        stage=Stage.RECORD,
        kinds=PAGE_STATE_KINDS
        | {Change.DOCUMENT_CHANGED, Change.COLLECTION_PRIVACY_CHANGED},
    )


def pages_changed(page_ids) -> None:
    """Record these pages; after commit, ask a worker to drain."""
    page_ids = list(page_ids)
    if not page_ids:
        return
    outbox_record(page_ids)
    # One drain per transaction is enough (an import publishes thousands of pages
    # in one); a callback dropped with a rolled-back savepoint is registered again.
    after_commit_once(enqueue_drain)


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


def page_deleting(page: Page) -> None:
    """Before the rows go: the page, and a series' items (they lose their
    ``series`` link without any signal)."""
    model = page.specific_class
    pages_changed([page.pk] if model in INDEXED_MODELS else [])
    if model is not None and issubclass(model, SeriesPage):
        pages_changed(_series_items(page.pk))


def collection_privacy_changed(collection_id: int) -> None:
    """Documents in a private collection are not indexed: pages using documents of
    the collection (or below it) change with its view restriction."""
    collection = Collection.objects.filter(pk=collection_id).first()
    if collection is not None:
        pages_changed(
            _pages_using(document__collection__path__startswith=collection.path)
        )


def _pages_using(**documents) -> list[int]:
    """Live pages whose indexed attachments match the ``documents`` filter
    (``document_id`` / ``document__`` lookups), and pages naming such a document in
    their body (its title is indexed only while the public may download it)."""
    publications = PublicationPage.objects.filter(live=True, **documents)
    entries = DIPDocument.objects.filter(entry__live=True, **documents)
    return [
        *publications.values_list("pk", flat=True),
        *entries.values_list("entry_id", flat=True).distinct(),
        *_pages_referencing(**documents),
    ]


def _pages_referencing(**documents) -> list[int]:
    lookups = {
        key.replace("document_id", "pk", 1).removeprefix("document__"): value
        for key, value in documents.items()
    }
    model = get_document_model()
    keys = model.objects.filter(**lookups).values_list(
        Cast("pk", output_field=CharField()), flat=True
    )
    references = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(model),
        to_object_id__in=keys,
    )
    return [int(pk) for pk in references.values_list("object_id", flat=True)]


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
        return _series_items(specific.pk)
    if isinstance(specific, DIPEntryPage):
        # Its documents are withheld everywhere while it is exempted.
        own = DIPDocument.objects.filter(entry=specific).values("document_id")
        return _pages_using(document_id__in=own)
    return []


def _series_items(series_id: int) -> list[int]:
    return list(
        ContentPage.objects.filter(series_id=series_id).values_list("pk", flat=True)
    )

"""What should be in the public index, read from the database (the source of truth).

The rule is ``cms.core.visibility``: a page is indexed when it is public (live, no
view restriction on it or an ancestor) and not withheld (exempted DIP entries). Both
the drain (a few hundred pages) and the reindex (everything) come through here.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet
from wagtail.models import Page

from cms.content.models import CONTENT_TYPES, ContentPage, PublicationPage
from cms.core.visibility import is_withheld, public_pages
from cms.dip.models import DIPDocument, DIPEntryPage
from cms.opd.models import OPDPage
from cms.series.models import SeriesPage

from . import stored
from .builders import BuildContext, build_document
from .keys import page_key

logger = logging.getLogger(__name__)

INDEXED_MODELS: tuple[type[Page], ...] = (
    *CONTENT_TYPES.values(),
    SeriesPage,
    OPDPage,
    DIPEntryPage,
)


def indexed_content_type_ids() -> list[int]:
    return [
        ct.pk for ct in ContentType.objects.get_for_models(*INDEXED_MODELS).values()
    ]


def indexable_queryset(model: type[Page]) -> QuerySet:
    """``model``'s pages with what building their documents reads, so a batch costs
    a fixed number of queries whatever its size."""
    qs = model.objects.all()
    if issubclass(model, ContentPage):
        qs = qs.select_related("opd", "series").prefetch_related("tags")
        if issubclass(model, PublicationPage):
            qs = qs.select_related("document__collection", "document__search_text")
    elif model is DIPEntryPage:
        links = DIPDocument.objects.select_related(
            "document__collection", "document__search_text"
        )
        qs = qs.select_related("opd").prefetch_related(Prefetch("documents", links))
    return qs


def source_version(page: Page) -> int:
    """External version of a document written by a full reindex: the page's own last
    publish time in µs. Every later change gets a larger outbox version, so the
    outbox wins over a reindex that read the page before that change."""
    return _version(page.last_published_at or page.first_published_at)


def _version(moment) -> int:
    return int(moment.timestamp() * 1_000_000) if moment else 1


def page_versions(pages: QuerySet) -> dict[int, int]:
    """Page id -> ``source_version`` of ``pages``, read without loading the pages
    (the database fallback compares them with the stored documents)."""
    rows = pages.values_list("pk", "last_published_at", "first_published_at")
    return {pk: _version(last or first) for pk, last, first in rows}


@dataclass
class Desired:
    """The current state of one object: a document to index, or None to delete.
    ``exists`` is False when the page is gone from the database altogether."""

    document: dict | None
    exists: bool = True
    error: str = ""
    version: int = 0  # the page's own version (``source_version``) when built


def desired_states(page_ids: Iterable[int]) -> dict[int, Desired]:
    """Current state of each page id (the drain). Pages of other types, drafts,
    private and withheld pages, and deleted pages all map to "delete"."""
    ids = set(page_ids)
    rows = Page.objects.filter(pk__in=ids).values_list("pk", "content_type_id")
    states = {pk: Desired(None, exists=False) for pk in ids}
    by_type = defaultdict(list)
    for pk, content_type_id in rows:
        states[pk] = Desired(None)
        by_type[content_type_id].append(pk)
    public_ids = set(public_pages().filter(pk__in=ids).values_list("pk", flat=True))
    context = BuildContext()
    for content_type_id, pks in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model not in INDEXED_MODELS:
            continue
        wanted = [pk for pk in pks if pk in public_ids]
        for page in indexable_queryset(model).filter(pk__in=wanted):
            if is_withheld(page):
                continue
            try:
                states[page.pk] = Desired(
                    build_document(page, context), version=source_version(page)
                )
            except Exception as exc:  # one broken page must not block the others
                logger.exception("Cannot build the search document of %s", page.pk)
                states[page.pk] = Desired(None, error=f"{type(exc).__name__}: {exc}")
    return states


def public_documents(
    *, chunk_size: int = 500, rebuild: bool = False
) -> Iterator[tuple[int, int, dict | str | None]]:
    """(page id, version, document) of every indexed page, streamed model by model
    in chunks: memory stays flat however many pages there are (the reindex).
    Documents stored by earlier builds are reused while still valid (as JSON text,
    ``stored.py``); the others are built (dicts; None if building failed) and
    stored."""
    public = public_pages().values("pk")
    fingerprint_ = stored.fingerprint()
    for model in INDEXED_MODELS:
        context = BuildContext()  # the site root paths: once per model is plenty
        rows = (
            model.objects.filter(pk__in=public)
            .order_by("pk")
            .values_list("pk", "last_published_at", "first_published_at")
        )
        chunk: list[tuple[int, int]] = []
        for pk, last, first in rows.iterator(chunk_size=chunk_size):
            chunk.append((pk, _version(last or first)))
            if len(chunk) >= chunk_size:
                yield from _chunk_documents(
                    model, chunk, context, fingerprint_, rebuild
                )
                chunk = []
        if chunk:
            yield from _chunk_documents(model, chunk, context, fingerprint_, rebuild)


def _chunk_documents(model, chunk, context, fingerprint_, rebuild):
    versions = {page_key(pk): version for pk, version in chunk}
    reused = {} if rebuild else stored.reusable(versions, fingerprint_=fingerprint_)
    missing = [pk for pk, _v in chunk if page_key(pk) not in reused]
    built: dict[int, dict | None] = {}
    if missing:
        for page in indexable_queryset(model).filter(pk__in=missing):
            if is_withheld(page):
                continue
            try:
                built[page.pk] = build_document(page, context)
            except Exception:
                logger.exception("Cannot build the search document of %s", page.pk)
                built[page.pk] = None
        stored.store(
            (
                (page_key(pk), versions[page_key(pk)], doc)
                for pk, doc in built.items()
                if doc is not None
            ),
            fingerprint_=fingerprint_,
        )
    for pk, version in chunk:
        key = page_key(pk)
        if key in reused:
            yield pk, version, reused[key]
        elif pk in built:
            yield pk, version, built[pk]


def count_candidates() -> int:
    """Upper bound of the documents a reindex writes (for the progress bar)."""
    public = public_pages().values("pk")
    return sum(m.objects.filter(pk__in=public).count() for m in INDEXED_MODELS)

"""Content details rendered once per live revision and kept (``StoredDetail``).

An uncached detail spent most of its time loading the typed page, its tags, images
and renditions and walking the serializer; none of that changes between revisions.
Now one query decides visibility (``cms.core.visibility``, unchanged) and reads the
stored rendering; the rest is added per request from what may change without a new
revision of the item:

* its URL (a parent moved) and ``api_url`` (the request's host);
* its series, only while the series is public (the per-process lookup);
* its related links, only to pages public now (one query, only when it has any).

What the stored rendering copies from elsewhere is dropped in the transaction that
changes it (``on_change``, stage ``RECORD``): the item's own page, its OPD and
series pages, pages it links to (Wagtail's reference index: rich text, chooser
blocks, foreign keys), images and documents it shows, collection privacy and site
changes (all rows). A missing or outdated row is rendered on the next read.

A reader that rendered from rows read before a concurrent change commits could
store an outdated rendering after that change dropped it: the row is stored only
when the content generation (bumped after every public commit) did not move while
rendering, and never when the generation is unknown (cache unreachable).
"""

import logging

import orjson
from django.contrib.contenttypes.models import ContentType
from django.db import DatabaseError, connection, transaction
from django.db.models import Prefetch, Q
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from api.models import StoredDetail
from api.v1.list_columns import DETAIL_UNREAD
from api.v1.public_lookups import public_series_ids
from cms.content.models import ContentPage, ContentTag
from cms.content.selectors import public_items
from cms.core.changes import PAGE_STATE_KINDS, Change, ContentChange, Stage, subscribe
from cms.core.content_generation import ensure_generation
from cms.core.public_urls import page_public_url
from cms.core.visibility import only_public
from cms.dip.models import DIPDocument

from .serializers.content import content_detail_data, related_links_data
from .serializers.content_list import list_items
from .serializers.images import image_prefetch
from .serializers.urls import api_url

logger = logging.getLogger(__name__)

# Columns of the one query a detail costs when its rendering is stored.
_ROW = (
    "pk",
    "content_type_id",
    "url_path",
    "live_revision_id",
    "series_id",
    "api_stored_detail__revision_id",
    "api_stored_detail__data",
    "api_stored_detail__related_ids",
)


def detail_data(lookup: dict, request) -> dict | None:
    """The detail JSON of the public item matching ``lookup``; None when there is
    none."""
    row = _detail_row(lookup)
    if row is None:
        return None
    pk, type_id, url_path, revision, series_id, stored_rev, data, related = row
    if data is None or stored_rev != revision:
        generation = ensure_generation()
        page = load_page(pk, type_id)
        if page is None:  # gone meanwhile
            return None
        data, summary, related = render(page)
        if revision is not None and generation is not None:
            _store(pk, revision, data, summary, related, generation)
    return _complete(data, related, pk, url_path, series_id, request)


# The query of a lookup's shape (its names), compiled once per process: building
# and compiling it through the ORM was a third of a stored detail's CPU (py-spy).
# Only the lookup's values (ids, slugs) change between requests, and they stay
# parameters; the visibility rule is part of the compiled text.
_compiled: dict[tuple, tuple[str, list, dict[int, str]] | None] = {}


def _detail_row(lookup: dict):
    shape = (connection.vendor, *sorted(lookup))
    if shape not in _compiled:
        _compiled[shape] = _compile(lookup)
    compiled = _compiled[shape]
    if compiled is None:  # a value the query text depends on: the ORM each time
        return public_items().filter(**lookup).values_list(*_ROW).first()
    sql, params, slots = compiled
    values = list(params)
    for index, name in slots.items():
        values[index] = lookup[name]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        return None
    *head, data, related = row
    return (*head, _json(data), _json(related))


def _compile(lookup: dict):
    """(SQL, parameters, {parameter index: lookup name}) of ``lookup``'s query,
    the scalar values replaced by markers to find their places."""
    markers = {}
    for number, (name, value) in enumerate(lookup.items()):
        if isinstance(value, bool) or not isinstance(value, int | str):
            continue  # e.g. a queryset: compiled into the text, same every time
        markers[name] = (
            -2_000_000_000 - number
            if isinstance(value, int)
            else (f"\x1fstored-detail-{number}\x1f")
        )
    query = public_items().filter(**(lookup | markers)).values_list(*_ROW)
    sql, params = query.order_by("pk")[:1].query.sql_with_params()
    slots = {
        index: name
        for name, marker in markers.items()
        for index, param in enumerate(params)
        if param == marker and type(param) is type(marker)
    }
    if sorted(slots.values()) != sorted(markers):
        return None  # a marker not found exactly once
    return sql, list(params), slots


def _json(value):
    """A JSON column as the database driver hands it over (text or decoded)."""
    return orjson.loads(value) if isinstance(value, str | bytes) else value


def load_page(pk: int, content_type_id: int):
    """The typed public row with what a detail shows in a fixed number of queries
    (not ``.specific`` plus one query per relation)."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    topics = ContentTag.objects.select_related("tag")
    # The rule again on the typed row (free: a subquery): what is read is public.
    detail = only_public(model.objects.all())
    detail = detail.select_related("opd", "series").defer(*DETAIL_UNREAD)
    detail = detail.prefetch_related(
        Prefetch("tagged_items", queryset=topics),
        "related_links",
        image_prefetch("hero_image"),
    )
    return detail.filter(pk=pk).first()


def render(page) -> tuple[dict, dict, list[int]]:
    """What is stored of ``page``: its detail and its list item without the
    per-request parts, the series always (hidden per request while not public),
    the link targets."""
    data = content_detail_data(page, None)
    data["series"] = series_ref(page)
    related = [link.target_id for link in page.related_links.all() if link.target_id]
    data["related_links"] = []
    return data, summary_of(page), related


def summary_of(page) -> dict:
    """The list item of ``page`` (read with what a list prefetches)."""
    summary = list_items([page], None)[0]
    summary["series"] = series_ref(page)
    return summary


def series_ref(page) -> dict | None:
    series = page.series if page.series_id else None
    return series and {
        "slug": series.slug,
        "title": series.title,
        "order": page.series_order,
    }


def _complete(data, related, pk, url_path, series_id, request) -> dict:
    data["url"] = page_public_url(Page(pk=pk, url_path=url_path), request)
    data["api_url"] = api_url("content-detail", request, pk=pk)
    if series_id and series_id not in public_series_ids():
        data["series"] = None
    data["related_links"] = related_links_data(related, request) if related else []
    return data


def _store(pk, revision, data, summary, related, generation) -> None:
    """Keep the rendering unless the generation moved meanwhile (see the module
    docstring); a failure only costs the next reader a rendering."""
    row = StoredDetail(
        page_id=pk,
        revision_id=revision,
        data=data,
        summary=summary,
        related_ids=related,
    )
    store_rows([row], generation, replace=True)


def store_rows(rows: list, generation: int, *, replace: bool) -> None:
    """Insert ``rows`` (``replace``: over existing ones) unless the content
    generation moved since ``generation``."""
    if ensure_generation() != generation:
        return
    fields = ["revision_id", "data", "summary", "related_ids", "stored_at"]
    options = (
        {"update_conflicts": True, "unique_fields": ["page"], "update_fields": fields}
        if replace
        else {"ignore_conflicts": True}
    )
    try:
        with transaction.atomic():
            StoredDetail.objects.bulk_create(rows, **options)
    except DatabaseError:
        logger.warning("API renderings not stored", exc_info=True)


def store_details(page_ids) -> None:
    """Render and keep the details of these items now (``api.tasks``)."""
    for pk in page_ids:
        detail_data({"pk": pk}, None)


# Invalidation.

STORED_KINDS = PAGE_STATE_KINDS | {
    Change.LIVE_SAVED,
    Change.DIP_CATEGORY_CHANGED,
    Change.DOCUMENT_CHANGED,
    Change.IMAGE_CHANGED,
    Change.COLLECTION_PRIVACY_CHANGED,
    Change.SITE_CHANGED,
}


_OWN_ONLY = {
    Change.PUBLISHED,
    Change.UPDATED,
    Change.LIVE_SAVED,
    Change.UNPUBLISHED,
}


def on_change(change: ContentChange) -> None:
    """Drop the stored renderings ``change`` may alter (stage ``RECORD``: in the
    changing transaction, so a rolled-back change drops nothing)."""
    kind = change.kind
    if kind in (Change.COLLECTION_PRIVACY_CHANGED, Change.SITE_CHANGED):
        StoredDetail.objects.all().delete()
    elif kind == Change.IMAGE_CHANGED:
        _forget_referencing(get_image_model().objects.filter(pk=change.image_id))
    elif kind == Change.DOCUMENT_CHANGED:
        documents = get_document_model().objects.filter(pk=change.document_id)
        _forget_referencing(documents)
    elif change.page is None:
        return
    elif kind in _OWN_ONLY and issubclass(change.page.specific_class, ContentPage):
        # Nothing else copies an item's fields (links to it copy its URL: moves
        # and deletions): one cheap query per item an import publishes.
        StoredDetail.objects.filter(page_id=change.page_id).delete()
    else:
        moved = kind in (Change.MOVED, Change.PRIVACY_CHANGED)
        _forget_page(change.page, subtree=moved)


def _forget_page(page, *, subtree: bool) -> None:
    """The page (with its descendants when its URL or privacy changed), items of it
    as an OPD or a series, and pages linking to any of them."""
    if subtree:
        pages = Page.objects.filter(path__startswith=page.path, depth__gte=page.depth)
    else:
        pages = Page.objects.filter(pk=page.pk)
    ids = list(pages.values_list("pk", flat=True))
    # A DIP entry's exemption decides whether its documents may be shown anywhere.
    entry_documents = get_document_model().objects.filter(
        pk__in=DIPDocument.objects.filter(entry_id__in=ids).values("document_id")
    )
    StoredDetail.objects.filter(
        Q(page_id__in=ids)
        | Q(page__contentpage__opd_id__in=ids)
        | Q(page__contentpage__series_id__in=ids)
        | Q(page_id__in=_referencing(Page.objects.filter(pk__in=ids)))
        | Q(page_id__in=_referencing(entry_documents))
    ).delete()


def _forget_referencing(objects) -> None:
    StoredDetail.objects.filter(page_id__in=_referencing(objects)).delete()


def _referencing(objects) -> list[int]:
    """Ids of pages whose live content refers to one of ``objects``."""
    references = ReferenceIndex.get_references_to_in_bulk(objects).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    return [int(pk) for pk in references.values_list("object_id", flat=True)]


def subscribe_to_changes() -> None:
    subscribe(on_change, stage=Stage.RECORD, kinds=STORED_KINDS)

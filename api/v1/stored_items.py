"""List items of ``/content/`` from the stored renderings (``stored_details``).

A list page read each item's row, OPD, series, topics, image and renditions and
built every item. Now the page's rows come with each item's stored list item in one
query; per request only the item's URL, ``api_url`` and whether its series is public
are added (as for a stored detail). Items without a valid stored item (published or
changed since it was rendered) are built as before, in the same fixed number of
queries for the whole page, and stored for the next reader.
"""

from django.db.models import F

from api.models import StoredDetail
from cms.content.selectors import public_items, public_items_for_listing
from cms.core.content_generation import ensure_generation
from cms.core.public_urls import page_public_url

from .list_columns import LIST_COLUMNS, STORED_LIST_COLUMNS
from .public_lookups import public_series_ids
from .serializers.content_list import FIELDS, detail_url_prefix, list_items
from .serializers.images import image_prefetch
from .stored_details import series_ref, store_rows


def listed_items():
    """Public items reading only what a stored list item needs, with it."""
    return (
        public_items()
        .only(*STORED_LIST_COLUMNS)
        .annotate(
            stored_item=F("api_stored_detail__summary"),
            stored_revision=F("api_stored_detail__revision_id"),
        )
    )


def stored_list_items(pages, request, only=None) -> list[dict]:
    """The items of one list page (``only``: the ``?fields=`` subset), in the
    shape of ``list_items``."""
    wanted = [name for name in FIELDS if name in set(only or FIELDS)]
    missing = [page.pk for page in pages if not _valid(page)]
    built = _build(missing, request) if missing else {}
    prefix = detail_url_prefix(request)
    public_series = None
    items = []
    for page in pages:
        item = built.get(page.pk)
        if item is None:
            item = page.stored_item
            item["url"] = page_public_url(page, request)
            item["api_url"] = f"{prefix}{page.pk}/"
            if page.series_id:
                if public_series is None:
                    public_series = public_series_ids()
                if page.series_id not in public_series:
                    item["series"] = None
        items.append({name: item[name] for name in wanted})
    return items


def _valid(page) -> bool:
    return page.stored_item is not None and page.stored_revision == (
        page.live_revision_id
    )


def _build(page_ids: list[int], request) -> dict[int, dict]:
    """Items built from their rows (the path without stored items), stored."""
    generation = ensure_generation()
    pages = list(
        public_items_for_listing()
        .filter(pk__in=page_ids)
        .only(*LIST_COLUMNS, "live_revision_id")
        .prefetch_related(image_prefetch("hero_image"))
    )
    items = list_items(pages, request)
    if generation is not None:
        # Rows of an older revision go; a detail read renders its own part again.
        StoredDetail.objects.filter(page_id__in=page_ids).delete()
        rows = [
            StoredDetail(
                page_id=page.pk,
                revision_id=page.live_revision_id,
                summary=item | {"series": series_ref(page)},
            )
            for page, item in zip(pages, items, strict=True)
            if page.live_revision_id is not None
        ]
        store_rows(rows, generation, replace=False)
    return {page.pk: item for page, item in zip(pages, items, strict=True)}

"""Read queries on content, shared by portal, API, search indexing, feeds and sitemap.
Which pages are public is decided by ``cms.core.visibility``."""

from django.db.models import Count, QuerySet

from cms.core.visibility import only_public
from cms.series.models import SeriesPage

from .models import ContentPage, ContentTag


def public_items() -> QuerySet[ContentPage]:
    return only_public(ContentPage.objects.all())


def latest_items(*, limit: int = 10, opd=None, model=None) -> QuerySet[ContentPage]:
    """Newest first; of one OPD and/or one content type (``model``) if given."""
    qs = public_items().select_related("opd", "hero_image")
    if opd is not None:
        qs = qs.filter(opd=opd)
    if model is not None:
        qs = qs.exact_type(model)
    return qs.order_by("-publish_date")[:limit]


def series_items(series) -> QuerySet[ContentPage]:
    """Public items of a series, from any OPD, in the series' order."""
    return (
        public_items()
        .filter(series=series)
        .select_related("opd")
        .order_by("series_order", "publish_date")
    )


def public_series_ids() -> list[int]:
    """Ids of the series a citizen may see (an item may point at a draft series)."""
    return list(only_public(SeriesPage.objects.all()).values_list("pk", flat=True))


def series_by_slugs(slugs):
    """Public series with one of these slugs (slugs are unique per OPD only)."""
    return only_public(SeriesPage.objects.filter(slug__in=slugs))


def content_tagged(tag_slugs):
    """Ids of items carrying any of these topics (a subquery: no duplicate rows)."""
    return ContentTag.objects.filter(tag__slug__in=tag_slugs).values(
        "content_object_id"
    )


def public_items_for_listing() -> QuerySet[ContentPage]:
    """Public items with what a listing shows fetched in a fixed number of queries
    (the caller adds image renditions, which depend on its sizes)."""
    return public_items().for_listing()


def series_items_for_listing(series) -> QuerySet[ContentPage]:
    """``series_items`` with what a listing shows (see ``public_items_for_listing``)."""
    return public_items_for_listing().filter(series=series).in_series_order()


def public_tag_counts(*, opds=None):
    """Topics carried by public items, with how many: rows of ``slug``, ``name``,
    ``count``, most used first. Topics only drafts carry are not listed."""
    items = public_items()
    if opds is not None:
        items = items.filter(opd__in=opds)
    return (
        ContentTag.objects.filter(content_object__in=items.values("pk"))
        .values("tag__slug", "tag__name")
        .annotate(count=Count("content_object", distinct=True))
        .order_by("-count", "tag__name")
    )

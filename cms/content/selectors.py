"""Read queries on content, shared by portal, API, search indexing, feeds and sitemap.

``public_items`` is the single rule for "a citizen may see this": live and without
view restrictions. Later rules (exempted DIP, expiry) are added here and nowhere else.
"""

from django.db.models import QuerySet

from cms.core.selectors import only_public

from .models import ContentPage


def public_items() -> QuerySet[ContentPage]:
    return only_public(ContentPage.objects.all())


def latest_items(*, limit: int = 10, opd=None) -> QuerySet[ContentPage]:
    qs = public_items().select_related("opd", "hero_image")
    if opd is not None:
        qs = qs.filter(opd=opd)
    return qs.order_by("-publish_date")[:limit]


def series_items(series) -> QuerySet[ContentPage]:
    """Public items of a series, from any OPD, in the series' order."""
    return (
        public_items()
        .filter(series=series)
        .select_related("opd")
        .order_by("series_order", "publish_date")
    )

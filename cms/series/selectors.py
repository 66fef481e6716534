"""Read queries on series, shared by the portal and the API."""

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr

from cms.core.selectors import only_public
from cms.opd.models import OPDPage

from .models import SeriesPage


def public_series() -> QuerySet[SeriesPage]:
    """Public series annotated with their OPD (``opd_slug``, ``opd_name``: the parent
    page, read in the same query) and the number of their public items."""
    from cms.content.selectors import public_items

    parent_path = Substr(
        OuterRef("path"), 1, Length(OuterRef("path")) - SeriesPage.steplen
    )
    parent = OPDPage.objects.filter(path=parent_path)
    return only_public(SeriesPage.objects.all()).annotate(
        opd_slug=Subquery(parent.values("slug")[:1]),
        opd_name=Subquery(parent.values("title")[:1]),
        public_item_count=Count(
            "items",
            filter=Q(items__in=public_items().values("pk")),
            distinct=True,
        ),
    )

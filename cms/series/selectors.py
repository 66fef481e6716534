"""Read queries on series, shared by the portal and the API."""

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from wagtail.models import Page

from cms.content.selectors import public_items
from cms.core.visibility import only_public

from .models import SeriesPage


def public_series() -> QuerySet[SeriesPage]:
    """Public series annotated with their OPD (``opd_slug``, ``opd_name``: the parent
    page, read in the same query) and the number of their public items."""
    parent_path = Substr(
        OuterRef("path"), 1, Length(OuterRef("path")) - SeriesPage.steplen
    )
    # The parent is always an OPD page; its slug and title are the base page's.
    parent = Page.objects.filter(path=parent_path)
    return only_public(SeriesPage.objects.all()).annotate(
        opd_slug=Subquery(parent.values("slug")[:1]),
        opd_name=Subquery(parent.values("title")[:1]),
        public_item_count=Count(
            "items",
            filter=Q(items__in=public_items().values("pk")),
            distinct=True,
        ),
    )

"""Read queries on the DIP. What the public may see of an entry (exempted ones,
withheld documents) is decided by ``cms.core.visibility``."""

from django.db.models import Prefetch, QuerySet

from cms.core.visibility import only_public

from .models import DIPDocument, DIPEntryPage


def public_dip_entries() -> QuerySet[DIPEntryPage]:
    """Public entries. Exempted ones are included: the law makes the fact of the
    exemption public; what may be shown of them is decided by the templates and
    serializers through ``is_exempted`` and ``PublicView.documents_of``."""
    return only_public(DIPEntryPage.objects.all())


def public_dip_entries_for_listing() -> QuerySet[DIPEntryPage]:
    """Public entries with their OPD and document links, in a fixed number of
    queries. Documents must still be read through ``PublicView.documents_of``."""
    links = DIPDocument.objects.select_related("document").order_by("sort_order")
    return (
        public_dip_entries()
        .select_related("opd")
        .prefetch_related(Prefetch("documents", queryset=links))
    )

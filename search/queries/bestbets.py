"""Best bets at query time: the pages editors pinned for the citizen's exact query.

Pinned pages come from the database, through the same public-visibility rule as
everything else (live, not private, not withheld): a best bet pointing at an
unpublished or restricted page silently shows nothing. With filters, a pinned page
is shown only if it matches them, as any other result would have to.
"""

from wagtail.models import Page

from cms.core.visibility import is_withheld, public_pages

from .keys import query_key
from .models import BestBet
from .params import SearchParams
from .results import PageDescriber, matches

MAX_PINNED = 5


def pinned_pages(params: SearchParams, describer: PageDescriber) -> list[Page]:
    key = query_key(params.q)
    if not key:
        return []
    ids = list(
        BestBet.objects.in_force()
        .filter(query=key)
        .order_by("sort_order", "pk")
        .values_list("page_id", flat=True)[:MAX_PINNED]
    )
    if not ids:
        return []
    pages = {p.pk: p for p in public_pages().filter(pk__in=ids).specific()}
    ordered = [pages[pk] for pk in ids if pk in pages and not is_withheld(pages[pk])]
    describer.prepare(ordered)
    filters = params.filters
    return [p for p in ordered if matches(describer.facets(p), filters)]

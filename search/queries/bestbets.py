"""Best bets at query time: the pages editors pinned for the citizen's exact query.

Pinned pages come from the database, through the same public-visibility rule as
everything else (live, not private, not withheld): a best bet pointing at an
unpublished or restricted page silently shows nothing. With filters, a pinned page
is shown only if it matches them, as any other result would have to.

Most queries have no best bet: the database is asked only for a query whose key
is among the best bets' keys, a set kept per process for one content generation
(``bet_keys.py``).
"""

from wagtail.models import Page

from cms.core.visibility import is_withheld, public_pages

from . import bet_keys
from .keys import query_key
from .models import BestBet
from .params import SearchParams
from .results import PageDescriber, matches

MAX_PINNED = 5


def _every_key():
    return BestBet.objects.order_by().values_list("query", flat=True).distinct()


def pinned_pages(params: SearchParams, describer: PageDescriber) -> list[Page]:
    key = query_key(params.q)
    if not key or not bet_keys.may_have_bets(key, _every_key):
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
